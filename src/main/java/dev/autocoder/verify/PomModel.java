package dev.autocoder.verify;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.ConfigurationContainer;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.model.io.xpp3.MavenXpp3Writer;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * An effective POM as Maven's own {@code Model}: read and written with Maven's reader and writer,
 * plugins found by their coordinates, and their configurations (Maven's {@code Xpp3Dom}) read and
 * set as Maven merges them into each execution. The text is what the core gets of the project's
 * build ({@code ProjectLayout.BuildModel}); only this package reads it back into a model.
 */
final class PomModel {

    static final String MAVEN_PLUGINS = "org.apache.maven.plugins";

    private PomModel() {
    }

    /** The effective POM's model, or empty when it does not read as a POM. */
    static Optional<Model> read(String effectivePom) {
        try {
            return Optional.of(parse(effectivePom));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * The effective POM's model.
     *
     * @throws IllegalStateException when it does not read as a POM
     */
    static Model parse(String effectivePom) {
        try {
            // Not strict: an element this Maven's model does not know is left out, as Maven's own reader does.
            return new MavenXpp3Reader().read(new StringReader(effectivePom), false);
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalStateException("the project's effective POM does not read as a POM: " + e.getMessage(), e);
        }
    }

    static String write(Model model) {
        StringWriter out = new StringWriter();
        try {
            new MavenXpp3Writer().write(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sub-build's POM", e);
        }
        return out.toString();
    }

    /** The build's plugins (a live list), none when the model has no build section. */
    static List<Plugin> plugins(Model model) {
        return model.getBuild() == null ? new ArrayList<>() : model.getBuild().getPlugins();
    }

    /** The plugin of Maven's own group ({@code org.apache.maven.plugins}) with this artifactId. */
    static Optional<Plugin> mavenPlugin(List<Plugin> plugins, String artifactId) {
        return plugins.stream()
                .filter(plugin -> MAVEN_PLUGINS.equals(plugin.getGroupId()) && artifactId.equals(plugin.getArtifactId()))
                .findFirst();
    }

    /** A plugin's or an execution's configuration, empty where it has none. */
    static Optional<Xpp3Dom> configuration(ConfigurationContainer container) {
        return Optional.ofNullable((Xpp3Dom) container.getConfiguration());
    }

    /** A plugin's or an execution's configuration, created when it has none. */
    static Xpp3Dom configurationOf(ConfigurationContainer container) {
        Xpp3Dom configuration = (Xpp3Dom) container.getConfiguration();
        if (configuration == null) {
            configuration = new Xpp3Dom("configuration");
            container.setConfiguration(configuration);
        }
        return configuration;
    }

    /** The first child named {@code name}. */
    static Optional<Xpp3Dom> child(Xpp3Dom parent, String name) {
        return Optional.ofNullable(parent.getChild(name));
    }

    /** The children named {@code name}, every child when it is {@code null}. */
    static List<Xpp3Dom> children(Xpp3Dom parent, String name) {
        return List.of(name == null ? parent.getChildren() : parent.getChildren(name));
    }

    /** An element's stripped value, empty where it has none. */
    static String value(Xpp3Dom element) {
        return element.getValue() == null ? "" : element.getValue().strip();
    }

    /** The stripped value of the first child named {@code name}, empty where there is none. */
    static String text(Xpp3Dom parent, String name) {
        return child(parent, name).map(PomModel::value).orElse("");
    }

    /**
     * A setting of one execution as Maven merges its configuration over the plugin's: the
     * execution's own element of this name, else the plugin's.
     */
    static Optional<Xpp3Dom> setting(Optional<Xpp3Dom> plugin, Optional<Xpp3Dom> own, String name) {
        return own.flatMap(configuration -> child(configuration, name))
                .or(() -> plugin.flatMap(configuration -> child(configuration, name)));
    }

    /** The first child named {@code name}, created when missing. */
    static Xpp3Dom childOf(Xpp3Dom parent, String name) {
        return child(parent, name).orElseGet(() -> append(parent, name, null));
    }

    /** Appends a child named {@code name} with this value (none when {@code null}). */
    static Xpp3Dom append(Xpp3Dom parent, String name, String value) {
        Xpp3Dom element = new Xpp3Dom(name);
        element.setValue(value);
        parent.addChild(element);
        return element;
    }

    /** Sets a single-valued setting, replacing what the configuration had there. */
    static void set(Xpp3Dom configuration, String name, String value) {
        remove(configuration, name);
        append(configuration, name, value);
    }

    /** Removes every child named {@code name}. */
    static void remove(Xpp3Dom parent, String name) {
        for (Xpp3Dom child : parent.getChildren(name)) {
            parent.removeChild(child);
        }
    }
}
