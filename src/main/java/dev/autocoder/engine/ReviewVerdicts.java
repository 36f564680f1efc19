package dev.autocoder.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Optional;

/**
 * Reads the review conversation's answer, {@code {"complete": bool, "feedback": string}}, from
 * wherever the model put it: bare, in a code fence, or with prose around it.
 *
 * <p>Only a JSON boolean {@code true} means complete. The string {@code "true"} is accepted as the
 * boolean the model meant, but anything unreadable is {@link Optional#empty()}, never a pass.
 */
public final class ReviewVerdicts {

    /** A readable review answer. */
    public record ReviewVerdict(boolean complete, String feedback) {
    }

    private static final String COMPLETE_KEY = "\"complete\"";
    private static final int MAX_OBJECT_CHARS = 20_000;

    private ReviewVerdicts() {
    }

    public static Optional<ReviewVerdict> parse(String reply) {
        for (ReplyParser.Block block : ReplyParser.blocks(reply)) {
            Optional<ReviewVerdict> verdict = read(block.body());
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        Optional<ReviewVerdict> whole = read(reply);
        if (whole.isPresent()) {
            return whole;
        }
        // Prose around the object: it opens at the '{' before a "complete" key and closes at some
        // '}' after it. Trying only those pairs, within a bounded span, keeps a long reply full of
        // braces (code, say) from costing a parse for every pair of braces in it.
        for (int key = reply.indexOf(COMPLETE_KEY); key >= 0; key = reply.indexOf(COMPLETE_KEY, key + 1)) {
            int start = reply.lastIndexOf('{', key);
            if (start < 0) {
                continue;
            }
            int limit = Math.min(reply.length(), start + MAX_OBJECT_CHARS);
            for (int end = reply.indexOf('}', key); end >= 0 && end < limit; end = reply.indexOf('}', end + 1)) {
                Optional<ReviewVerdict> verdict = read(reply.substring(start, end + 1));
                if (verdict.isPresent()) {
                    return verdict;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ReviewVerdict> read(String text) {
        try {
            JsonElement root = JsonParser.parseString(text.strip());
            if (!root.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject object = root.getAsJsonObject();
            Boolean complete = bool(object.get("complete"));
            if (complete == null) {
                return Optional.empty();
            }
            JsonElement feedback = object.get("feedback");
            String feedbackText = feedback != null && feedback.isJsonPrimitive() ? feedback.getAsString() : "";
            return Optional.of(new ReviewVerdict(complete, feedbackText.strip()));
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Boolean bool(JsonElement element) {
        if (element == null || !element.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isString()) {
            String value = primitive.getAsString().strip();
            if (value.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (value.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }
}
