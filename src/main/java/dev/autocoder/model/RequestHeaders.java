package dev.autocoder.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Headers added to every model request (a gateway's token, Azure's {@code api-key}); their values
 * are secrets like the API key, so they print as {@code ****} and only the HTTP layer reads them.
 */
public final class RequestHeaders {

    /**
     * Values this long or longer are searched for in requests and masked in messages; a shorter
     * value ({@code 1}, {@code beta}) is no credential and would match ordinary text.
     */
    public static final int SECRET_MIN_LENGTH = 8;

    private static final RequestHeaders NONE = new RequestHeaders(Map.of());

    private final Map<String, String> values;

    private RequestHeaders(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Headers by name, values stripped.
     *
     * @throws IllegalArgumentException naming a header whose name is not a token or whose value is
     *     missing or spans lines
     */
    public static RequestHeaders of(Map<String, String> headers) {
        Map<String, String> checked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            Objects.requireNonNull(name, "header name");
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException("`" + name + "` is not an HTTP header name");
            }
            if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
                throw new IllegalArgumentException("the Authorization header carries the API key; set the key"
                        + " (OPENAI_API_KEY, <serverId> or <apiKey>) instead of the header");
            }
            if (value == null || value.isBlank() || value.strip().matches("(?s).*[\\r\\n].*")) {
                throw new IllegalArgumentException("header `" + name + "` has no value or spans lines");
            }
            checked.put(name, value.strip());
        });
        return checked.isEmpty() ? NONE : new RequestHeaders(Collections.unmodifiableMap(checked));
    }

    /** No extra headers. */
    public static RequestHeaders none() {
        return NONE;
    }

    /** The headers themselves; only the HTTP layer that sends them may call this. */
    public Map<String, String> reveal() {
        return values;
    }

    /** The values that count as secrets, by header name. */
    Map<String, String> secrets() {
        Map<String, String> secrets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((name, value) -> {
            if (value.length() >= SECRET_MIN_LENGTH) {
                secrets.put(name, value);
            }
        });
        return secrets;
    }

    /** The header names with masked values: {@code {api-key=****}}. */
    @Override
    public String toString() {
        Map<String, String> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.keySet().forEach(name -> masked.put(name, "****"));
        return masked.toString();
    }
}
