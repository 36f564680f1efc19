package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterTest {

    @Test
    void countsEveryIncrement() {
        Counter counter = new Counter();
        counter.increment();
        counter.increment();
        assertEquals(2, counter.value());
    }
}
