package dev.autocoder.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec's front matter and body, read with a small, fixed subset of YAML.
 *
 * <p>The front matter sits between a first line {@code ---} and the next line {@code ---}; it may be
 * empty. Inside it:
 * <ul>
 *   <li>a line that is blank or starts with {@code #} is ignored (a {@code #} later in a line is text);</li>
 *   <li>{@code context:} takes a list of project files: on the same line separated by commas
 *       ({@code a.java, b.md}), as a flow list ({@code [a.java, b.md]}), or on the following indented
 *       lines each starting with {@code - };</li>
 *   <li>{@code answers:} takes, on the following indented lines, {@code keyword: answer} pairs;</li>
 *   <li>a value may be wrapped in double or single quotes, which are removed.</li>
 * </ul>
 * Anything else (another key, a tab for indentation, a list where a pair belongs) is refused with
 * the spec's file and line, so a typo never silently drops an answer. A real YAML parser was
 * weighed against this: two keys do not justify a new dependency in every consuming build.
 */
record FrontMatter(List<String> context, Map<String, String> answers, String body) {

    private static final String FENCE = "---";

    FrontMatter {
        context = List.copyOf(context);
        answers = Map.copyOf(answers);
    }

    /**
     * Splits a spec's text (with {@code \n} line ends) into front matter and body.
     *
     * @throws ConfigurationException naming {@code specDirectory}, the file and the line at fault
     */
    static FrontMatter parse(String text, Path file) {
        List<String> lines = List.of(text.split("\n", -1));
        if (lines.isEmpty() || !lines.get(0).stripTrailing().equals(FENCE)) {
            return new FrontMatter(List.of(), Map.of(), text);
        }
        int close = 1;
        while (close < lines.size() && !lines.get(close).stripTrailing().equals(FENCE)) {
            close++;
        }
        if (close == lines.size()) {
            throw new ConfigurationException("specDirectory", "spec " + file
                    + " line 1: opens front matter with --- but no later line closes it with ---");
        }
        Reader reader = new Reader(file);
        for (int i = 1; i < close; i++) {
            reader.line(i + 1, lines.get(i));
        }
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        return new FrontMatter(reader.context, reader.answers, body);
    }

    /** Reads front matter line by line; {@code section} is the key whose indented lines follow. */
    private static final class Reader {
        private final Path file;
        private final List<String> context = new ArrayList<>();
        private final Map<String, String> answers = new LinkedHashMap<>();
        private String section = "";

        Reader(Path file) {
            this.file = file;
        }

        void line(int number, String line) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                return;
            }
            if (line.startsWith("\t")) {
                throw error(number, "indent with spaces, not tabs");
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indented && section.equals("context") && content.startsWith("-")) {
                addPaths(unquote(content.substring(1).strip()));
                return;
            }
            int colon = content.indexOf(':');
            if (colon <= 0) {
                throw error(number, "cannot read `" + content + "`; expected `key: value`"
                        + (section.equals("context") && indented ? " or `- path`" : ""));
            }
            String key = unquote(content.substring(0, colon).strip());
            String value = content.substring(colon + 1).strip();
            if (indented) {
                if (!section.equals("answers")) {
                    throw error(number, "`" + key + "` is indented, but only the lines under `answers:` hold"
                            + " `keyword: answer` pairs");
                }
                answers.put(key, unquote(value));
                return;
            }
            section = key;
            switch (key) {
                case "context" -> readContextValue(number, value);
                case "answers" -> {
                    if (!value.isEmpty()) {
                        throw error(number, "put each answer on its own indented line under `answers:`,"
                                + " as `keyword: answer`");
                    }
                }
                default -> throw error(number, "unknown front matter key `" + key + "`; known keys are context"
                        + " and answers");
            }
        }

        private void readContextValue(int number, String value) {
            if (value.startsWith("[")) {
                if (!value.endsWith("]")) {
                    throw error(number, "the list `" + value + "` opens with [ but does not close with ]");
                }
                value = value.substring(1, value.length() - 1);
            }
            for (String path : value.split(",")) {
                addPaths(unquote(path.strip()));
            }
        }

        private void addPaths(String path) {
            if (!path.isEmpty()) {
                context.add(path);
            }
        }

        private ConfigurationException error(int number, String problem) {
            return new ConfigurationException("specDirectory", "spec " + file + " line " + number
                    + ": front matter: " + problem);
        }

        private static String unquote(String value) {
            boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"));
            return quoted ? value.substring(1, value.length() - 1) : value;
        }
    }
}
