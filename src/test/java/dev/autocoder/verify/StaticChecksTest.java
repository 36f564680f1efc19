package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaticChecksTest {

    private final StaticChecks checks = new StaticChecks();

    private static Candidate candidate(CodeUnit... units) {
        return new Candidate("money", 1, List.of(units));
    }

    private static CodeUnit money(String body) {
        return new CodeUnit("com.example", "Money", "package com.example;\n\npublic class Money {\n" + body + "\n}\n", false);
    }

    private Verdict verify(String body) {
        return checks.verify(candidate(money(body)));
    }

    private static String messages(Verdict verdict) {
        return verdict.feedback().toString();
    }

    @Test
    void completeCodeWithProseEllipsesVarargsAndLiteralsPasses() {
        Verdict verdict = verify("""
                    /** Adds amounts... and returns the sum. */
                    public static long sum(long... amounts) {
                        String hint = "// ... rest of the code unchanged";
                        String block = \"""
                            /* ... */
                            \""";
                        long total = 0;
                        for (long amount : amounts) {
                            total += amount;
                        }
                        return total + hint.length() + block.length();
                    }
                    public int zero() {
                        return 0;
                    }
                """);

        assertTrue(verdict.passed(), messages(verdict));
    }

    @Test
    void ellipsisLineCommentInBodyIsRejectedWithFileAndLine() {
        Verdict verdict = verify("""
                    public int zero() {
                        // ...
                        return 0;
                    }
                """);

        assertFalse(verdict.passed());
        Feedback finding = verdict.firstFailure().orElseThrow();
        assertEquals(Feedback.Stage.STATIC, finding.stage());
        assertTrue(finding.message().startsWith("com/example/Money.java:5: "), finding.message());
    }

    @Test
    void ellipsisBlockCommentIsRejected() {
        assertFalse(verify("    public int zero() { /* ... */ return 0; }").passed());
    }

    @Test
    void restOfCodeUnchangedCommentIsRejected() {
        assertFalse(verify("    // rest of the code unchanged").passed());
    }

    @Test
    void remainingMethodsCommentIsRejected() {
        assertFalse(verify("    /* remaining methods as before */").passed());
    }

    @Test
    void implementationOmittedCommentIsRejected() {
        assertFalse(verify("    public void run() {\n        // implementation omitted for brevity\n    }").passed());
    }

    @Test
    void todoImplementCommentIsRejected() {
        assertFalse(verify("    public void run() {\n        // TODO: implement\n    }").passed());
    }

    @Test
    void bareEllipsisLineOfCodeIsRejected() {
        assertFalse(verify("    public void run() {\n        ...\n    }").passed());
    }

    @Test
    void bodyThatOnlyThrowsUnsupportedOperationIsRejected() {
        Verdict verdict = verify("    public long cents() {\n        throw new UnsupportedOperationException(\"Not implemented yet\");\n    }");

        assertFalse(verdict.passed());
        assertTrue(messages(verdict).contains("UnsupportedOperationException"), messages(verdict));
    }

    @Test
    void bodyThatOnlyThrowsUnsupportedOperationWithoutMessageIsRejected() {
        assertFalse(verify("    public long cents() throws IllegalStateException { throw new UnsupportedOperationException(); }")
                .passed());
    }

    @Test
    void deliberateReadOnlyRefusalIsAccepted() {
        assertTrue(verify("    public void remove() {\n        throw new UnsupportedOperationException(\"read-only view\");\n    }")
                .passed());
    }

    @Test
    void twoUnitsDeclaringTheSameTypeAreRejected() {
        Verdict verdict = checks.verify(candidate(money("    int a;"), money("    int b;")));

        assertFalse(verdict.passed());
        assertTrue(messages(verdict).contains("declared by two units"), messages(verdict));
    }

    @Test
    void declaredPackageDifferentFromUnitIsRejected() {
        CodeUnit unit = new CodeUnit("com.example", "Money", "package com.other;\npublic class Money { }\n", false);

        Verdict verdict = checks.verify(candidate(unit));

        assertFalse(verdict.passed());
        assertTrue(messages(verdict).contains("declares package 'com.other'"), messages(verdict));
    }

    @Test
    void unitWithoutTheNamedTypeIsRejected() {
        CodeUnit unit = new CodeUnit("com.example", "Money", "package com.example;\n// nothing here\n", false);

        Verdict verdict = checks.verify(candidate(unit));

        assertFalse(verdict.passed());
        assertTrue(messages(verdict).contains("does not declare the type Money"), messages(verdict));
    }

    @Test
    void recordsEnumsAndInterfacesInTheDefaultPackageAreAccepted() {
        Verdict verdict = checks.verify(candidate(
                new CodeUnit("", "Point", "record Point(int x, int y) { }\n", false),
                new CodeUnit("", "Color", "enum Color { RED }\n", false),
                new CodeUnit("", "Shape", "interface Shape { double area(); }\n", true)));

        assertTrue(verdict.passed(), messages(verdict));
    }
}
