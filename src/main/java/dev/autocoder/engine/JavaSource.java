package dev.autocoder.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Java lexing to read a compilation unit's package and top-level types without a
 * parser: comments and literals are blanked out first, so names inside them never count.
 */
final class JavaSource {

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([^;{]*);");
    private static final Pattern TYPE = Pattern.compile(
            "((?:\\b(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*)"
                    + "(class|interface|enum|record|@\\s*interface)\\s+(\\w+)");

    /** A top-level type declaration. */
    record TypeDeclaration(String name, boolean isPublic) {
    }

    private JavaSource() {
    }

    /** The source with every comment, string, text block and char literal replaced by spaces. */
    static String blankCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, source, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, source, i, end);
                i = end;
            } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                blank(out, source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                blank(out, source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, String source, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    /** The declared package, or empty for the default package. */
    static String packageName(String blanked) {
        Matcher matcher = PACKAGE.matcher(blanked);
        return matcher.find() ? matcher.group(1).replaceAll("\\s+", "") : "";
    }

    /** The types declared at brace depth zero, in order. */
    static List<TypeDeclaration> topLevelTypes(String blanked) {
        List<TypeDeclaration> types = new ArrayList<>();
        int depth = 0;
        int segmentStart = 0;
        for (int i = 0; i < blanked.length(); i++) {
            char c = blanked.charAt(i);
            if (c == '{') {
                if (depth == 0) {
                    Matcher matcher = TYPE.matcher(blanked.substring(segmentStart, i));
                    if (matcher.find()) {
                        types.add(new TypeDeclaration(matcher.group(3), matcher.group(1).contains("public")));
                    }
                }
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    segmentStart = i + 1;
                }
            } else if (c == ';' && depth == 0) {
                segmentStart = i + 1;
            }
        }
        return types;
    }
}
