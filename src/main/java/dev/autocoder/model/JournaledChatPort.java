package dev.autocoder.model;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ChatPort} that answers from a {@link ReplyJournal} when it can and records every new
 * reply there, so no request is ever paid for twice and a committed journal (a cassette) replays
 * a run with no network and no key.
 *
 * <p>{@link Mode#LIVE} and {@link Mode#RECORD} behave the same here (journal first, then the
 * model, then append); they differ only in which file the caller opens: a run's own journal under
 * {@code target/} or a cassette meant to be committed. Two threads sending the same conversation at
 * the same moment both reach the model; the journal keeps the first reply.
 */
public final class JournaledChatPort implements ChatPort {

    /** Where replies may come from. */
    public enum Mode {
        /** Journal first, else the model; new replies go into the run's journal. */
        LIVE,
        /** Journal first, else the model; new replies go into a cassette meant to be committed. */
        RECORD,
        /** Only the journal; a request it has no reply for fails as {@link ModelException.Kind#NOT_RECORDED}. */
        REPLAY
    }

    /** How many replies came from the model and how many from the journal. */
    public record Stats(long sent, long cached) {
    }

    private static final int KEY_PREFIX = 12;

    private final ReplyJournal journal;
    private final String modelName;
    private final Mode mode;
    private final ChatPort delegate;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong cached = new AtomicLong();

    /**
     * @param modelName the model the journal's keys are computed for
     * @param delegate the port that reaches the model; ignored, and may be {@code null}, in REPLAY
     */
    public JournaledChatPort(ReplyJournal journal, String modelName, Mode mode, ChatPort delegate) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (mode != Mode.REPLAY) {
            Objects.requireNonNull(delegate, "delegate is required in " + mode + " mode");
        }
        this.delegate = delegate;
    }

    /** A port that replays {@code journal} and never needs a model or a key. */
    public static JournaledChatPort replaying(ReplyJournal journal, String modelName) {
        return new JournaledChatPort(journal, modelName, Mode.REPLAY, null);
    }

    @Override
    public ChatReply chat(ChatRequest request) {
        String key = request.key(modelName);
        var recorded = journal.find(key);
        if (recorded.isPresent()) {
            cached.incrementAndGet();
            return recorded.get();
        }
        if (mode == Mode.REPLAY) {
            throw new ModelException(ModelException.Kind.NOT_RECORDED, "no recorded reply for '" + request.purpose()
                    + "' (key " + key.substring(0, KEY_PREFIX) + "..., model " + modelName + ") in the cassette "
                    + journal.file() + "; the spec, a prompt or the model changed since it was recorded. Re-record"
                    + " with -Dautocoder.mode=record and OPENAI_API_KEY set");
        }
        ChatReply reply = delegate.chat(request);
        sent.incrementAndGet();
        journal.append(key, request, reply);
        return reply;
    }

    public Mode mode() {
        return mode;
    }

    /** A snapshot of the counts so far. */
    public Stats stats() {
        return new Stats(sent.get(), cached.get());
    }
}
