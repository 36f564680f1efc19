package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source split into code, comments and string literals, so checks look at code and not at
 * prose: comment and literal contents are blanked out of {@link #code()}, line breaks are kept so
 * offsets map to the same line numbers.
 */
public final class SourceScan {

    /** A comment's text without its delimiters, where it starts, and whether it is Javadoc. */
    record Comment(int offset, String text, boolean javadoc) { }

    /** A string or text-block literal's content and where it starts. */
    record Literal(int offset, String text) { }

    private final String source;
    private final String code;
    private final List<Comment> comments;
    private final List<Literal> literals;

    private SourceScan(String source, String code, List<Comment> comments, List<Literal> literals) {
        this.source = source;
        this.code = code;
        this.comments = List.copyOf(comments);
        this.literals = List.copyOf(literals);
    }

    /** Scans a compilation unit; never fails, whatever the text. */
    public static SourceScan of(String source) {
        StringBuilder code = new StringBuilder(source.length());
        List<Comment> comments = new ArrayList<>();
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = indexOrEnd(source, "\n", i);
                comments.add(new Comment(i, source.substring(i + 2, end), false));
                blank(code, source, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                boolean javadoc = source.startsWith("/**", i) && !source.startsWith("/**/", i);
                comments.add(new Comment(i, source.substring(i + 2, close < 0 ? n : close), javadoc));
                blank(code, source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                int end = close < 0 ? n : close + 3;
                literals.add(new Literal(i, source.substring(i + 3, close < 0 ? n : close)));
                code.append("\"\"\"");
                blank(code, source, i + 3, Math.max(i + 3, end - 3));
                code.append(close < 0 ? "" : "\"\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = closingQuote(source, i, c);
                if (c == '"') {
                    literals.add(new Literal(i, source.substring(i + 1, Math.max(i + 1, end - 1))));
                }
                code.append(c);
                blank(code, source, i + 1, Math.max(i + 1, end - 1));
                if (end - 1 > i) {
                    code.append(c);
                }
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        return new SourceScan(source, code.toString(), comments, literals);
    }

    private static int indexOrEnd(String text, String what, int from) {
        int at = text.indexOf(what, from);
        return at < 0 ? text.length() : at;
    }

    /** The offset just past the closing quote; a literal never spans a line break. */
    private static int closingQuote(String source, int open, char quote) {
        int i = open + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static void blank(StringBuilder code, String source, int from, int to) {
        for (int i = from; i < to && i < source.length(); i++) {
            code.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
    }

    /** The source with comments and literal contents replaced by spaces. */
    public String code() {
        return code;
    }

    List<Comment> comments() {
        return comments;
    }

    List<Literal> literals() {
        return literals;
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
