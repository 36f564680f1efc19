package com.acme.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

    private static String words(int count) {
        return "word ".repeat(count).strip();
    }

    @Test
    void aShortTextTakesAMinute() {
        assertEquals(1, ReadingTime.minutes(""));
        assertEquals(1, ReadingTime.minutes(words(20)));
    }

    @Test
    void everyStartedTwoHundredWordsTakeAMinute() {
        assertEquals(1, ReadingTime.minutes(words(200)));
        assertEquals(2, ReadingTime.minutes(words(201)));
        assertEquals(2, ReadingTime.minutes(words(250)));
    }

    @Test
    void anyWhitespaceSeparatesWords() {
        assertEquals(2, ReadingTime.minutes(words(150) + "\n\n\t" + words(100)));
    }
}
