package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    @Test
    void backoffDoublesPerRetryAndStopsAtTheMaximum() {
        assertEquals(Duration.ofSeconds(2), schedule.delayBefore(1, null, 1.0));
        assertEquals(Duration.ofSeconds(4), schedule.delayBefore(2, null, 1.0));
        assertEquals(Duration.ofSeconds(30), schedule.delayBefore(9, null, 1.0));
    }

    @Test
    void jitterKeepsAtLeastHalfTheBackoff() {
        assertEquals(Duration.ofSeconds(2), schedule.delayBefore(2, null, 0.0));
    }

    @Test
    void serverRetryAfterIsAFloorEvenWithTheSmallestJitter() {
        assertEquals(Duration.ofSeconds(7), schedule.delayBefore(1, Duration.ofSeconds(7), 0.0));
    }

    @Test
    void serverRetryAfterIsCapped() {
        assertEquals(Duration.ofSeconds(60), schedule.delayBefore(1, Duration.ofMinutes(10), 0.0));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-10-21T07:27:55Z");

        assertEquals(Optional.of(Duration.ofSeconds(3)), RetrySchedule.parseRetryAfter(" 3 ", now));
        assertEquals(Optional.of(Duration.ofSeconds(5)),
                RetrySchedule.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetrySchedule.parseRetryAfter("Wed, 21 Oct 2026 07:00:00 GMT", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("soon", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("-1", now));
    }
}
