package dev.autocoder.context;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the names of Java types that a plain-words task description mentions. */
final class TypeNames {

    // An upper-case start and at least one lower-case letter: Money, StringUtils, but not API or JSON.
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.$])[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*\\b");
    private static final Pattern HUMPS = Pattern.compile("[A-Z][a-z0-9_]+[A-Z]");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*\\b");

    // java.lang types every test mentions; naming them says nothing about which project code matters.
    // A fixed list rather than a lookup, so the context does not change with the JDK a build runs on.
    private static final Set<String> JAVA_LANG = Set.of("Boolean", "Byte", "Character", "CharSequence", "Class",
            "Comparable", "Deprecated", "Double", "Enum", "Error", "Exception", "Float", "FunctionalInterface",
            "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException", "Integer",
            "Iterable", "Long", "Math", "NullPointerException", "Number", "Object", "Override", "Record",
            "Runnable", "RuntimeException", "Short", "String", "StringBuilder", "SuppressWarnings", "System",
            "Thread", "Throwable", "UnsupportedOperationException", "Void", "ArithmeticException");

    private TypeNames() {
    }

    /**
     * The simple type names in {@code text}. A one-word capitalised name (Money) counts only where it
     * stands inside a sentence, since at a sentence's start it is usually just an English word (Write,
     * Given); a camel-case name (StringUtils) always counts.
     */
    static Set<String> simpleNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            if (!JAVA_LANG.contains(name) && (HUMPS.matcher(name).lookingAt() || !startsSentence(text,
                    matcher.start()))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Fully qualified type names ({@code org.apache.commons.lang3.StringUtils}) in {@code text}. */
    static Set<String> qualifiedNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = QUALIFIED.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static boolean startsSentence(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            if (text.charAt(i) == '\n') {
                return true;
            }
            i--;
        }
        return i < 0 || ".!?".indexOf(text.charAt(i)) >= 0;
    }
}
