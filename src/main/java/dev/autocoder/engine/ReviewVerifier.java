package dev.autocoder.engine;

import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatPort;
import dev.autocoder.model.ChatReply;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.verify.Candidate;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.Verdict;
import dev.autocoder.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks the model, in a conversation of its own, whether a candidate completely fulfils its task.
 * An unreadable answer is asked again once; a second unreadable answer blocks the candidate,
 * because an answer nobody can read is not a pass.
 */
final class ReviewVerifier implements Verifier {

    private final ChatPort model;
    private final Function<String, String> taskText;
    private final ReplyListener onReply;

    /** Told of every review reply, for token and time accounting. */
    @FunctionalInterface
    interface ReplyListener {
        void replied(String task, ChatReply reply, long millis);
    }

    /**
     * @param model the chat model
     * @param taskText the task description by task name
     * @param onReply told of every reply, for token and time accounting
     */
    ReviewVerifier(ChatPort model, Function<String, String> taskText, ReplyListener onReply) {
        this.model = model;
        this.taskText = taskText;
        this.onReply = onReply;
    }

    @Override
    public Verdict verify(Candidate candidate) {
        String code = candidate.units().stream()
                .map(unit -> "// " + unit.relativePath().toString().replace('\\', '/') + "\n" + unit.source())
                .collect(Collectors.joining("\n"));
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(Prompts.REVIEW_SYSTEM));
        messages.add(ChatMessage.user(Prompts.review(taskText.apply(candidate.taskName()), code)));
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            ChatReply reply = model.chat(new ChatRequest("review", candidate.taskName(), messages));
            onReply.replied(candidate.taskName(), reply, (System.nanoTime() - started) / 1_000_000);
            Optional<ReviewVerdicts.ReviewVerdict> verdict = ReviewVerdicts.parse(reply.text());
            if (verdict.isPresent()) {
                return verdict.get().complete() ? Verdict.PASSED
                        : Verdict.failed(Feedback.Stage.REVIEW, verdict.get().feedback().isEmpty()
                                ? "the review found the code incomplete but gave no reason"
                                : verdict.get().feedback());
            }
            messages.add(ChatMessage.assistant(reply.text()));
            messages.add(ChatMessage.user(Prompts.reviewReask()));
        }
        return Verdict.failed(Feedback.Stage.REVIEW,
                "the review answer could not be read twice, so the code was not accepted");
    }
}
