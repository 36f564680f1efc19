package dev.autocoder.maven;

import java.util.Optional;
import org.apache.maven.model.ConfigurationContainer;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Reads a plugin's {@code <configuration>} elements the way Maven hands them to a goal. */
final class PluginConfig {

    private PluginConfig() {
    }

    /** The element's {@code <configuration>}, when it has one. */
    static Optional<Xpp3Dom> of(ConfigurationContainer container) {
        return container.getConfiguration() instanceof Xpp3Dom dom ? Optional.of(dom) : Optional.empty();
    }

    /**
     * What one execution of the plugin sees: its own configuration over the plugin-level one. The
     * effective model has merged them already; a model read without that step gets the same answer.
     */
    static Xpp3Dom forExecution(Plugin plugin, String executionId) {
        Xpp3Dom pluginLevel = of(plugin).map(Xpp3Dom::new).orElseGet(() -> new Xpp3Dom("configuration"));
        PluginExecution execution = plugin.getExecutionsAsMap().get(executionId);
        if (execution == null) {
            return pluginLevel;
        }
        return of(execution).map(dom -> Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(dom), pluginLevel)).orElse(pluginLevel);
    }

    /**
     * A child's value, stripped; empty when it is missing, blank or still an unresolved expression
     * (a property the build does not define), which Maven would not pass as a value either.
     */
    static Optional<String> value(Xpp3Dom configuration, String name) {
        Xpp3Dom child = configuration.getChild(name);
        if (child == null || child.getValue() == null) {
            return Optional.empty();
        }
        String value = child.getValue().strip();
        return value.isEmpty() || value.contains("${") ? Optional.empty() : Optional.of(value);
    }
}
