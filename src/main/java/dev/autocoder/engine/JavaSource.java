package dev.autocoder.engine;

import dev.autocoder.verify.SourceScan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Java reading to find a compilation unit's package and top-level types without a
 * parser: comments and literals are blanked out first ({@link SourceScan}), so names inside them
 * never count.
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

    /** The source with every comment and literal's content replaced by spaces. */
    static String blankCommentsAndLiterals(String source) {
        return SourceScan.of(source).code();
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
