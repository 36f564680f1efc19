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
        // Prose around the object: try each '{' that could open it, outermost first.
        for (int start = reply.indexOf('{'); start >= 0; start = reply.indexOf('{', start + 1)) {
            int end = reply.lastIndexOf('}');
            while (end > start) {
                Optional<ReviewVerdict> verdict = read(reply.substring(start, end + 1));
                if (verdict.isPresent()) {
                    return verdict;
                }
                end = reply.lastIndexOf('}', end - 1);
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
