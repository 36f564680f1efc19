package dev.autocoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewVerdictsTest {

    @Test
    void bareJsonIsRead() {
        var verdict = ReviewVerdicts.parse("{\"complete\": true, \"feedback\": \"\"}").orElseThrow();

        assertTrue(verdict.complete());
    }

    @Test
    void jsonInsideACodeFenceIsRead() {
        var verdict = ReviewVerdicts.parse("```json\n{\"complete\": false, \"feedback\": \"no tests\"}\n```")
                .orElseThrow();

        assertFalse(verdict.complete());
        assertEquals("no tests", verdict.feedback());
    }

    @Test
    void jsonWithProseAroundItIsRead() {
        var verdict = ReviewVerdicts.parse("Sure. {\"complete\": false, \"feedback\": \"add {braces}\"} Done.")
                .orElseThrow();

        assertEquals("add {braces}", verdict.feedback());
    }

    @Test
    void aVerdictAfterCodeFullOfBracesIsFound() {
        String code = "class A { void a() { if (x) { y(); } } }\n".repeat(2_000);

        var verdict = ReviewVerdicts.parse(code + "So: {\"complete\": false, \"feedback\": \"no tests\"}")
                .orElseThrow();

        assertEquals("no tests", verdict.feedback());
    }

    @Test
    void theStringFalseIsNotTrue() {
        var verdict = ReviewVerdicts.parse("{\"complete\": \"false\", \"feedback\": \"x\"}").orElseThrow();

        assertFalse(verdict.complete());
    }

    @Test
    void anythingElseThanABooleanIsUnreadable() {
        assertEquals(Optional.empty(), ReviewVerdicts.parse("{\"complete\": \"yes\", \"feedback\": \"\"}"));
        assertEquals(Optional.empty(), ReviewVerdicts.parse("{\"complete\": 1}"));
        assertEquals(Optional.empty(), ReviewVerdicts.parse("Looks complete to me!"));
        assertEquals(Optional.empty(), ReviewVerdicts.parse("{\"feedback\": \"fine\"}"));
    }
}
