package dev.autocoder.maven;

import dev.autocoder.core.AutocoderConfig;
import dev.autocoder.core.ConfigurationException;
import dev.autocoder.state.LockFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The goal run by itself ({@code mvn autocoder:generate}, Maven's {@code default-cli} execution) is,
 * to the user, the one execution the POM declares: it takes that execution's configuration, output
 * folders, state folder and lock entries, so code generated on the command line restores in the next
 * {@code mvn test}. Only a POM with several executions makes the user say which one
 * ({@code mvn autocoder:generate@<id>}).
 */
final class CommandLineRun {

    /** The execution id Maven gives a goal run by itself. */
    static final String EXECUTION_ID = "default-cli";

    /**
     * The POM's execution a command-line run stands for.
     *
     * @param id the execution's id
     * @param configuration what that execution is configured with: its own over the plugin-level one
     */
    record Shared(String id, Xpp3Dom configuration) {
    }

    private CommandLineRun() {
    }

    /**
     * The execution of the POM this run stands for: empty when the goal runs in an execution of its
     * own (bound, or named with {@code @id}), when the POM declares a {@code default-cli} execution
     * (Maven has configured the run with it already) or when the POM declares no execution of the goal.
     *
     * @throws ConfigurationException when run from the command line and the POM declares several
     *     executions of the goal: which one the run belongs to is the user's choice
     */
    static Optional<Shared> shared(MavenProject project, MojoExecution execution) {
        if (!EXECUTION_ID.equals(execution.getExecutionId())) {
            return Optional.empty();
        }
        Optional<Plugin> declared = declared(project, execution.getMojoDescriptor());
        if (declared.isEmpty() || declared.get().getExecutionsAsMap().containsKey(EXECUTION_ID)) {
            return Optional.empty();
        }
        MojoDescriptor goal = execution.getMojoDescriptor();
        List<String> ids = executionsOfGoal(declared.get(), goal);
        if (ids.size() > 1) {
            String prefix = goal.getPluginDescriptor().getGoalPrefix() + ":" + goal.getGoal();
            throw new ConfigurationException("executions", "mvn " + prefix + " does not know which execution to"
                    + " run: " + project.getArtifactId() + "'s POM declares " + ids.size() + " executions of "
                    + prefix + " (" + ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "))
                    + "), each with its own configuration, output folder and lock entries. Run one by its id: "
                    + ids.stream().map(id -> "mvn " + prefix + "@" + id).collect(Collectors.joining(" or "))
                    + "; or run the phase they are bound to (mvn generate-sources) for all of them. Nothing was"
                    + " generated");
        }
        return ids.stream().findFirst().map(id -> new Shared(id, PluginConfig.forExecution(declared.get(), id)));
    }

    /**
     * Moves the lock entries an earlier version's {@code mvn autocoder:generate} wrote under
     * {@code default} to the POM's one execution of the goal, {@code executionId}, when that execution
     * has none yet, so the code it verified restores without a key.
     *
     * @return the tasks moved, none when the POM has another execution of the goal or a default one
     */
    static List<String> adoptCommandLineEntries(MavenProject project, MojoDescriptor goal, String executionId,
            Path lockFile) throws IOException {
        String key = AutocoderConfig.executionKey(executionId);
        boolean sole = declared(project, goal).map(plugin -> executionsOfGoal(plugin, goal))
                .filter(ids -> ids.equals(List.of(executionId))).isPresent();
        if (key.equals(AutocoderConfig.DEFAULT_EXECUTION) || !sole) {
            return List.of();
        }
        LockFile before;
        try {
            before = LockFile.read(lockFile);
        } catch (LockFile.LockFileException unreadable) {
            // The run reads it again and says what is wrong with it.
            return List.of();
        }
        if (!before.entries(key).isEmpty()) {
            return List.of();
        }
        List<String> tasks = before.entries(AutocoderConfig.DEFAULT_EXECUTION).stream().map(LockFile.Entry::task)
                .toList();
        if (!tasks.isEmpty()) {
            LockFile.update(lockFile, lock -> lock.adopting(AutocoderConfig.DEFAULT_EXECUTION, key));
        }
        return tasks;
    }

    private static Optional<Plugin> declared(MavenProject project, MojoDescriptor goal) {
        PluginDescriptor descriptor = goal.getPluginDescriptor();
        String key = Plugin.constructKey(descriptor.getGroupId(), descriptor.getArtifactId());
        return project.getBuildPlugins().stream().filter(plugin -> plugin.getKey().equals(key)).findFirst();
    }

    /**
     * The ids of the plugin's executions of the goal, less {@code default-cli}. An execution without
     * goals counts: it is run with {@code @id}, or merged into one that has the goal.
     */
    private static List<String> executionsOfGoal(Plugin plugin, MojoDescriptor goal) {
        return plugin.getExecutions().stream()
                .filter(candidate -> !EXECUTION_ID.equals(candidate.getId()))
                .filter(candidate -> candidate.getGoals().isEmpty() || candidate.getGoals().contains(goal.getGoal()))
                .map(PluginExecution::getId).toList();
    }

    /**
     * Configures {@code mojo} with the shared execution's configuration, as Maven would have for that
     * execution, under what the command line set: a parameter given as a property
     * ({@code -Dautocoder.model=...}) keeps the command line's value.
     */
    static void configure(GenerateMojo mojo, Shared shared, ComponentConfigurator configurator) {
        MojoDescriptor goal = mojo.mojoExecution.getMojoDescriptor();
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (Xpp3Dom child : shared.configuration().getChildren()) {
            Parameter parameter = goal.getParameterMap().get(child.getName());
            if (parameter != null && parameter.isEditable() && !setOnCommandLine(parameter, mojo.session)) {
                configuration.addChild(new Xpp3Dom(child));
            }
        }
        if (configuration.getChildCount() == 0) {
            return;
        }
        try {
            configurator.configureComponent(mojo, new XmlPlexusConfiguration(configuration),
                    new PluginParameterExpressionEvaluator(mojo.session, mojo.mojoExecution),
                    goal.getPluginDescriptor().getClassRealm());
        } catch (ComponentConfigurationException e) {
            throw new ConfigurationException("executions", "cannot apply the configuration of execution `"
                    + shared.id() + "` to the command-line run: " + e.getMessage(), e);
        }
    }

    /** Whether the parameter's property was given to this build ({@code -D} or a system property). */
    private static boolean setOnCommandLine(Parameter parameter, MavenSession session) {
        String expression = parameter.getExpression();
        if (expression == null || !expression.startsWith("${") || !expression.endsWith("}")) {
            return false;
        }
        String property = expression.substring(2, expression.length() - 1);
        Properties user = session.getUserProperties();
        Properties system = session.getSystemProperties();
        return user != null && user.getProperty(property) != null
                || system != null && system.getProperty(property) != null;
    }
}
