package dev.autocoder.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a failed model call again: exponential backoff with jitter, but never sooner than a
 * server's {@code Retry-After} (up to a cap).
 *
 * <p>We compute the whole delay here, jitter included, and give Failsafe no jitter of its own:
 * Failsafe would also jitter the delay we return and could then wake up before the server's time.
 */
record RetrySchedule(Duration base, Duration max, Duration maxRetryAfter) {

    /**
     * The pause before retry number {@code retry} (1 for the first retry).
     *
     * @param serverAsked the server's {@code Retry-After}, or {@code null}
     * @param random a number in [0, 1) that picks the jitter
     */
    Duration delayBefore(int retry, Duration serverAsked, double random) {
        long baseMillis = base.toMillis();
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long backoff = Math.min(max.toMillis(), baseMillis << doublings);
        // "Equal jitter": at least half the backoff, so retries still spread out but never collapse to 0.
        long jittered = backoff / 2 + (long) (backoff / 2.0 * random);
        if (serverAsked == null) {
            return Duration.ofMillis(jittered);
        }
        long asked = Math.min(serverAsked.toMillis(), maxRetryAfter.toMillis());
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    /**
     * Reads a {@code Retry-After} value: delay seconds ({@code "2"}) or an HTTP-date
     * ({@code "Wed, 21 Oct 2026 07:28:00 GMT"}), relative to {@code now}. Unreadable values are ignored.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
