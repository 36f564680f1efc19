package dev.autocoder.core;

import dev.autocoder.engine.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the tasks of a run: the inline {@code prompt} (task {@code prompt}) and every {@code *.md}
 * file of the spec directory (task named by the file's base name), in name order.
 *
 * <p>A spec may start with front matter between {@code ---} lines:
 * <pre>
 * ---
 * context: src/main/java/com/acme/Currency.java, docs/rounding.md
 * answers:
 *   rounding: HALF_EVEN
 * ---
 * </pre>
 * {@code context} lists project files to show the model; {@code answers} answers clarifying
 * questions by keyword, on top of the POM's {@code <answers>}. {@link FrontMatter} says which YAML
 * it reads.
 */
public final class Tasks {

    /** The name of the inline task. */
    public static final String INLINE_TASK = "prompt";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Tasks() {
    }

    /** The spec files of a directory, sorted; empty when the directory does not exist. */
    public static List<Path> specFiles(Path specDirectory) {
        if (!Files.isDirectory(specDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(specDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + specDirectory, e);
        }
    }

    /**
     * Reads every task.
     *
     * @return the tasks, none when there is no prompt and the default spec directory has no spec
     *     (a module of a multi-module build that does not use the plugin)
     * @throws ConfigurationException when a spec is empty or badly named, or an explicitly set spec
     *     directory does not exist
     */
    public static List<Task> read(AutocoderConfig config) {
        AutocoderConfig.Paths paths = config.paths();
        if (paths.specDirectoryExplicit() && !Files.isDirectory(paths.specDirectory())) {
            throw new ConfigurationException("specDirectory", "specDirectory " + paths.specDirectory()
                    + " does not exist; create it with one *.md file per task, or remove <specDirectory>");
        }
        List<Task> tasks = new ArrayList<>();
        config.prompt().ifPresent(prompt -> tasks.add(new Task(INLINE_TASK, prompt.strip(), config.answers(),
                List.of())));
        for (Path file : specFiles(paths.specDirectory())) {
            tasks.add(readSpec(file, config.answers()));
        }
        return tasks;
    }

    static Task readSpec(Path file, Map<String, String> pomAnswers) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".md".length());
        if (!NAME.matcher(name).matches() || name.equals(INLINE_TASK)) {
            throw new ConfigurationException("specDirectory", "spec file " + file + " has a name that cannot name a"
                    + " task; use letters, digits, '.', '_' and '-' (and not `" + INLINE_TASK + "`)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + file, e);
        }
        FrontMatter front = FrontMatter.parse(text, file);
        if (front.body().isBlank()) {
            throw new ConfigurationException("specDirectory", "spec " + file + " is empty; describe the task in it");
        }
        Map<String, String> answers = new TreeMap<>(pomAnswers);
        answers.putAll(front.answers());
        return new Task(name, front.body().strip(), answers, front.context());
    }
}
