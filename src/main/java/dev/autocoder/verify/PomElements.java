package dev.autocoder.verify;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reading an effective POM's elements: parsed without doctypes, children by tag, their texts. */
final class PomElements {

    private static final String MAVEN_PLUGINS = "org.apache.maven.plugins";

    private PomElements() {
    }

    /** The effective POM's root element, or empty when it is not well-formed XML. */
    static Optional<Element> project(String effectivePom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return Optional.of(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(effectivePom.getBytes(StandardCharsets.UTF_8))).getDocumentElement());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The direct child elements named {@code tag}, every child element when it is {@code null}. */
    static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && (tag == null || element.getTagName().equals(tag))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first direct child element named {@code tag}. */
    static Optional<Element> child(Element parent, String tag) {
        return children(parent, tag).stream().findFirst();
    }

    /** The stripped text of the first direct child element named {@code tag}, empty where there is none. */
    static String text(Element parent, String tag) {
        return child(parent, tag).map(element -> element.getTextContent().strip()).orElse("");
    }

    /** Whether the {@code execution} element lists {@code goal} among its goals. */
    static boolean binds(Element execution, String goal) {
        return child(execution, "goals").stream().flatMap(goals -> children(goals, "goal").stream())
                .anyMatch(element -> element.getTextContent().strip().equals(goal));
    }

    /**
     * The plugin of Maven's own group ({@code org.apache.maven.plugins}, also where the groupId is
     * left out) with this artifactId among the {@code plugins} element's.
     */
    static Optional<Element> mavenPlugin(Element plugins, String artifactId) {
        return children(plugins, "plugin").stream()
                .filter(plugin -> text(plugin, "artifactId").equals(artifactId))
                .filter(plugin -> child(plugin, "groupId").map(group -> group.getTextContent().strip())
                        .orElse(MAVEN_PLUGINS).equals(MAVEN_PLUGINS))
                .findFirst();
    }

    /**
     * A setting of one execution as Maven merges its configuration over the plugin's: the
     * execution's own element of this name, else the plugin's.
     */
    static Optional<Element> setting(Optional<Element> plugin, Optional<Element> own, String tag) {
        return own.flatMap(configuration -> child(configuration, tag))
                .or(() -> plugin.flatMap(configuration -> child(configuration, tag)));
    }

    /** The {@code execution} element's id, {@code default} where it has none, as Maven names it. */
    static String executionId(Element execution) {
        String id = text(execution, "id");
        return id.isEmpty() ? "default" : id;
    }
}
