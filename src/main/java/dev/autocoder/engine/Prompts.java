package dev.autocoder.engine;

import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every text the engine sends to a model; the two system prompts are resources beside this class.
 * Prompts are part of the up-to-date fingerprint and of each request's journal key, so they are
 * constants and pure functions of their inputs: no dates, no absolute paths, nothing machine-specific.
 */
public final class Prompts {

    /** Bump when any prompt text changes, so fingerprints and cassettes notice. */
    public static final String VERSION = "1";

    static final String GENERATOR_SYSTEM = resource("generator-system.txt");

    static final String REVIEW_SYSTEM = resource("review-system.txt");

    /** Ends feedback that was cut to fit the prompt bound. */
    static final String FEEDBACK_CUT = "\n[The rest of these findings is cut to fit the prompt.]";

    /** How a task message starts. */
    private static final String TASK_START = "Task `";

    /** Where a task message's project context starts. */
    private static final String CONTEXT_HEADING = "\nProject context:\n\n";

    private Prompts() {
    }

    /** Every prompt text that shapes a reply, for the up-to-date fingerprint. */
    public static String fingerprintText() {
        return VERSION + "\n" + GENERATOR_SYSTEM + "\n" + REVIEW_SYSTEM;
    }

    private static String resource(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("prompt " + name + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + name, e);
        }
    }

    static String task(String name, String description, String context) {
        StringBuilder text = new StringBuilder();
        text.append(TASK_START).append(name).append("`:\n\n").append(description.strip()).append('\n');
        return withContext(text.toString(), context);
    }

    /** Whether a message is a task as {@link #task} writes it, rather than a part or a review. */
    static boolean isTask(String message) {
        return message.startsWith(TASK_START);
    }

    /** A task message's project context, empty when it has none. */
    static String contextOf(String taskMessage) {
        int at = taskMessage.indexOf(CONTEXT_HEADING);
        return at < 0 ? "" : taskMessage.substring(at + CONTEXT_HEADING.length());
    }

    /** A task message with its project context replaced, as a request that must shrink needs it. */
    static String withContext(String taskMessage, String context) {
        int at = taskMessage.indexOf(CONTEXT_HEADING);
        String task = at < 0 ? taskMessage : taskMessage.substring(0, at);
        return context.isBlank() ? task : task + CONTEXT_HEADING + context.strip() + '\n';
    }

    static String part(String parentTask, String partName, String responsibility, String sharedCode) {
        StringBuilder text = new StringBuilder();
        text.append("This is part `").append(partName).append("` of task `").append(parentTask)
                .append("`. Write only this part: ").append(responsibility.strip()).append('\n');
        if (!sharedCode.isBlank()) {
            text.append("\nThe parts share these types; use them as they are and do not send them again:\n\n")
                    .append(sharedCode.strip()).append('\n');
        }
        return text.toString();
    }

    static String answers(List<String> lines) {
        return "Answers to your questions:\n" + String.join("\n", lines)
                + "\n\nNow write the code.";
    }

    static String refine(List<Feedback> feedback, String note) {
        String findings = feedback.stream().map(Feedback::toString).collect(Collectors.joining("\n"));
        StringBuilder text = new StringBuilder("Verification failed:\n").append(findings).append('\n');
        if (!note.isEmpty()) {
            text.append('\n').append(note).append('\n');
        }
        text.append("\nFix every finding and send every file of the component again, complete.");
        return text.toString();
    }

    /** The message that sends verified code back because the project's whole test suite fails with it. */
    static String finalCheck(List<Feedback> feedback) {
        return refine(feedback, "Your code passed its own checks, but the project's whole test suite, run with the"
                + " code of every task together, fails as above, and the evidence points at your code.");
    }

    /** A task's code as the model would have sent it: one fenced block per file. */
    static String code(List<CodeUnit> units) {
        return units.stream().map(unit -> "```java\n" + unit.source().strip() + "\n```")
                .collect(Collectors.joining("\n\n"));
    }

    /** Stands in for a reply refused for its size, so it is not sent again but the turn still reads. */
    static String refusedReply(int chars) {
        return "[A reply of " + chars + " characters was here; it was refused as too long.]";
    }

    /**
     * The note on a refinement whose failure repeats: how often it came back and what it is, with a
     * request for a different approach.
     */
    static String stuck(int times, String failure) {
        return "Your last " + times + " attempts failed the same way: " + failure + "\nYour changes did not fix it:"
                + " take a different approach to the failing part rather than the same change again.";
    }

    static String review(String taskText, String code) {
        return "The task:\n\n" + taskText.strip() + "\n\nThe code:\n\n" + code.strip() + "\n";
    }

    static String reviewReask() {
        return "That was not the JSON asked for. Answer again with only "
                + "{\"complete\": true or false, \"feedback\": \"...\"}.";
    }

    static String continueTruncated() {
        return "Your reply was cut off at the length limit. Send the complete answer again, shorter:"
                + " every file complete, no explanations.";
    }
}
