package dev.autocoder.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills a character budget with ranked sections, in the order offered: a section that does not fit
 * is left out whole (a cut file would mislead more than a missing one) and smaller later ones may
 * still fit.
 */
final class ContextPacker {

    private final int budget;
    private final StringBuilder text = new StringBuilder();
    private final List<String> included = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();

    ContextPacker(int budget) {
        this.budget = budget;
    }

    /**
     * Adds the section when it fits, and says whether it did.
     *
     * @param label how the lists name it ({@code test src/test/java/MoneyTest.java})
     * @param heading the section's first line
     * @param body the section's content
     * @param language the fence's info string ({@code java}), or empty
     */
    boolean offer(String label, String heading, String body, String language) {
        String section = "### " + heading + "\n" + fenced(body, language);
        int separator = text.isEmpty() ? 0 : 1;
        if (text.length() + separator + section.length() > budget) {
            leftOut.add(label + " (" + section.length() + " chars)");
            return false;
        }
        if (separator > 0) {
            text.append('\n');
        }
        text.append(section);
        included.add(label);
        return true;
    }

    /** Lists a section that could not be made at all, with the reason. */
    void skip(String label, String reason) {
        leftOut.add(label + " (" + reason + ")");
    }

    ProjectContext.Context result() {
        return new ProjectContext.Context(text.toString(), included, leftOut);
    }

    /**
     * Splits a text this packer made back into its sections, in their order. Each section is a
     * heading line and one fence, and no line inside a fence equals its closing fence, so the split
     * is exact whatever the files hold.
     */
    static List<String> sections(String text) {
        List<String> sections = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("### ") || i + 1 >= lines.length) {
                i++;
                continue;
            }
            String fence = lines[i + 1].substring(0, countBackticks(lines[i + 1]));
            int close = i + 2;
            while (close < lines.length && !lines[close].equals(fence)) {
                close++;
            }
            int end = Math.min(close, lines.length - 1);
            sections.add(String.join("\n", Arrays.asList(lines).subList(i, end + 1)) + "\n");
            i = end + 1;
        }
        return sections;
    }

    private static int countBackticks(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return n;
    }

    // A fence longer than any backtick run inside, so a Markdown file cannot close it early.
    private static String fenced(String body, String language) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String content = body.endsWith("\n") ? body : body + "\n";
        return fence + language + "\n" + content + fence + "\n";
    }
}
