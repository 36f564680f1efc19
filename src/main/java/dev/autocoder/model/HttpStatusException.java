package dev.autocoder.model;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP error status that keeps the response headers, which LangChain4j's own
 * {@link HttpException} drops; {@code Retry-After} is the one we need.
 */
final class HttpStatusException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> headers;

    HttpStatusException(int statusCode, String body, Map<String, List<String>> headers) {
        super(statusCode, body);
        this.headers = Map.copyOf(headers);
    }

    /** The first value of a header, matched case-insensitively as HTTP requires. */
    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }
}
