package com.acme.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RpnCalculatorTest {

    @Test
    void addsAndMultiplies() {
        assertEquals(7, RpnCalculator.evaluate("3 4 +"));
        assertEquals(14, RpnCalculator.evaluate("2 3 4 * +"));
    }

    @Test
    void theDeeperValueIsOnTheLeft() {
        assertEquals(2, RpnCalculator.evaluate("5 3 -"));
        assertEquals(3, RpnCalculator.evaluate("12 4 /"));
        assertEquals(14, RpnCalculator.evaluate("5 1 2 + 4 * + 3 -"));
    }

    @Test
    void readsNegativeNumbersAndAnyWhitespace() {
        assertEquals(-12, RpnCalculator.evaluate(" -3\t4  *\n"));
    }

    @Test
    void rejectsMalformedExpressions() {
        assertThrows(IllegalArgumentException.class, () -> RpnCalculator.evaluate("1 +"));
        assertThrows(IllegalArgumentException.class, () -> RpnCalculator.evaluate("1 2"));
        assertThrows(IllegalArgumentException.class, () -> RpnCalculator.evaluate("1 x +"));
        assertThrows(IllegalArgumentException.class, () -> RpnCalculator.evaluate(""));
    }
}
