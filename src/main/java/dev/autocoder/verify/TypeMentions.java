package dev.autocoder.verify;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the simple names of a candidate's types as whole words in a text (a compiler message, a
 * test file, a stack trace), which is how a finding outside the candidate's own files is traced
 * back to it.
 */
final class TypeMentions {

    private static final Pattern NEVER = Pattern.compile("(?!)");

    private TypeMentions() {
    }

    /** A pattern that finds any of the units' simple type names as a whole word. */
    static Pattern pattern(Collection<CodeUnit> units) {
        if (units.isEmpty()) {
            return NEVER;
        }
        return Pattern.compile(units.stream().map(CodeUnit::typeName).distinct().sorted().map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\w$])(?:", ")(?![\\w$])")));
    }
}
