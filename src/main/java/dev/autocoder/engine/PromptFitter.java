package dev.autocoder.engine;

import dev.autocoder.context.ProjectContext;
import dev.autocoder.model.ChatMessage;
import dev.autocoder.model.ChatPort;
import dev.autocoder.model.ChatReply;
import dev.autocoder.model.ChatRequest;
import dev.autocoder.model.ModelException;
import dev.autocoder.model.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ChatPort} that fits every request under {@code maxPromptTokens} before it is sent, tries a
 * request the endpoint refuses as too long once more at a smaller size, and warns when the endpoint
 * counted far fewer prompt tokens than were sent (a server that cut the prompt without a word).
 *
 * <p>A request is a system prompt, the task (its spec, then the project context), and refinement
 * turns. What does not fit is cut in this order: the oldest turns (a reply together with the
 * feedback on it), then the project context section by section from the least relevant, then the
 * newest feedback's tail. The system prompt, the spec and the newest code are never cut. Because
 * turns go first, and a context once cut stays cut for the task's later requests, the system
 * prompt, task and context stay one identical prefix across a task's requests, which is what
 * providers' prompt caches reuse.
 */
public final class PromptFitter implements ChatPort {

    /**
     * A reported prompt under this share of the counted one means the server dropped part of it. The
     * estimate for unknown models runs about a fifth high, so a whole prompt reports 0.7 to 0.9 of it.
     */
    static final double TRUNCATION_SHARE = 0.6;

    /**
     * Requests smaller than this are not judged for truncation: no server's context is smaller, and
     * in a larger one a cached system prompt is too small a part to look like a cut.
     */
    static final int TRUNCATION_MIN_TOKENS = 2_000;

    /** How much smaller the second try of a refused request is, when the refusal names no limit. */
    static final double OVERFLOW_SHRINK = 0.75;

    private static final Pattern SERVER_LIMIT = Pattern.compile("(?:maximum context length|context length)"
            + "\\D{0,40}?(\\d[\\d,]*)\\s*tokens", Pattern.CASE_INSENSITIVE);

    private final ChatPort delegate;
    private final TokenCounter counter;
    private final int maxPromptTokens;
    private final Consumer<String> debug;
    private final Consumer<String> warn;
    private final AtomicInteger accepted;
    private final AtomicBoolean warnedTruncation = new AtomicBoolean();
    private final Set<String> truncatedTasks = ConcurrentHashMap.newKeySet();
    // By task message: how many of its context sections the smallest cut so far kept.
    private final Map<String, Integer> contextKept = new ConcurrentHashMap<>();

    /**
     * @param maxPromptTokens the most prompt tokens a request may have, by {@code counter}
     * @param debug receives what was cut from which request
     * @param warn receives the one truncation warning of the run
     */
    public PromptFitter(ChatPort delegate, TokenCounter counter, int maxPromptTokens, Consumer<String> debug,
            Consumer<String> warn) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.counter = Objects.requireNonNull(counter, "counter");
        if (maxPromptTokens < 1) {
            throw new IllegalArgumentException("maxPromptTokens must be at least 1, was " + maxPromptTokens);
        }
        this.maxPromptTokens = maxPromptTokens;
        this.accepted = new AtomicInteger(maxPromptTokens);
        this.debug = Objects.requireNonNull(debug, "debug");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    /**
     * What was sent: the fitted request and its counted prompt tokens, counted when first asked for
     * (after the reply, for a request that fits whatever the count) by the one thread that sends it.
     */
    private static final class Fit {
        private final ChatRequest request;
        private final IntSupplier count;
        private int tokens = -1;

        Fit(ChatRequest request, IntSupplier count) {
            this.request = request;
            this.count = count;
        }

        ChatRequest request() {
            return request;
        }

        int tokens() {
            if (tokens < 0) {
                tokens = count.getAsInt();
            }
            return tokens;
        }
    }

    @Override
    public ChatReply chat(ChatRequest request) {
        // once the endpoint refused a size, later requests are fitted below it and not refused again
        int limit = accepted.get();
        Fit fit = fit(request, limit, limit == maxPromptTokens ? "maxPromptTokens (" + format(maxPromptTokens) + ")"
                : format(limit) + " tokens, what the endpoint accepted after refusing more");
        try {
            return checked(fit, delegate.chat(fit.request()));
        } catch (ModelException refused) {
            if (refused.kind() != ModelException.Kind.CONTEXT_OVERFLOW) {
                throw refused;
            }
            int target = smallerThan(fit.tokens(), refused.getMessage());
            debug.accept("[" + task(request) + "] the endpoint refused '" + request.purpose() + "' at "
                    + format(fit.tokens()) + " prompt tokens as too long; trying once more at " + format(target));
            Fit smaller = fit(request, target, format(target) + " tokens, less than the endpoint refused ("
                    + format(fit.tokens()) + ")");
            try {
                ChatReply reply = checked(smaller, delegate.chat(smaller.request()));
                accepted.accumulateAndGet(target, Math::min);
                return reply;
            } catch (ModelException again) {
                if (again.kind() != ModelException.Kind.CONTEXT_OVERFLOW) {
                    throw again;
                }
                throw new ModelException(ModelException.Kind.CONTEXT_OVERFLOW, "task " + task(request)
                        + ": the endpoint refused '" + request.purpose() + "' as longer than the model's context at "
                        + format(fit.tokens()) + " and again at " + format(smaller.tokens()) + " prompt tokens; set"
                        + " maxPromptTokens (now " + format(maxPromptTokens) + ") below the model's context window,"
                        + " or give the server a larger one (provider ollama: <numCtx>; Ollama's /v1 endpoint:"
                        + " OLLAMA_CONTEXT_LENGTH)", again);
            }
        }
    }

    /** The tasks whose prompts the endpoint reported as far shorter than sent: their code may rest on half a task. */
    public Set<String> truncatedTasks() {
        return Set.copyOf(truncatedTasks);
    }

    /**
     * The request cut to {@code limit} tokens.
     *
     * @param bound how an error names the limit
     * @throws ModelException {@link ModelException.Kind#CONTEXT_OVERFLOW} when the parts that are never
     *     cut do not fit
     */
    private Fit fit(ChatRequest request, int limit, String bound) {
        List<String> cuts = new ArrayList<>();
        List<ChatMessage> messages = withoutRefusedReplies(request.messages(), cuts);
        if (cuts.isEmpty() && !contextKept(messages) && counter.atMost(messages) <= limit) {
            // It fits whatever the exact count is, so the request need not wait for the tokenizer.
            List<ChatMessage> sent = messages;
            return new Fit(request, () -> counter.count(sent));
        }
        int sent = counter.count(messages);
        messages = keepEarlierContextCut(messages, cuts);
        int tokens = counter.count(messages);
        if (tokens > limit && messages.size() > 2) {
            messages = dropOldestTurns(messages, limit, cuts);
            tokens = counter.count(messages);
        }
        if (tokens > limit && messages.size() >= 2) {
            messages = cutContext(messages, limit, cuts);
            tokens = counter.count(messages);
        }
        if (tokens > limit && messages.size() > 2 && last(messages).role() == ChatMessage.Role.USER) {
            messages = cutFeedback(messages, limit, cuts);
            tokens = counter.count(messages);
        }
        if (tokens > limit) {
            throw tooLarge(request, messages, tokens, limit, bound);
        }
        if (!cuts.isEmpty()) {
            debug.accept("[" + task(request) + "] '" + request.purpose() + "' cut from " + format(sent) + " to "
                    + format(tokens) + " prompt tokens (limit " + format(limit) + ", counted with "
                    + counter.describe() + "): " + String.join("; ", cuts));
        }
        int counted = tokens;
        return new Fit(cuts.isEmpty() ? request : new ChatRequest(request.action(), request.task(), messages),
                () -> counted);
    }

    // A reply the parser refused for its size is never worth its tokens again; a note keeps the turn readable.
    private static List<ChatMessage> withoutRefusedReplies(List<ChatMessage> messages, List<String> cuts) {
        List<ChatMessage> kept = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role() == ChatMessage.Role.ASSISTANT && message.text().length() > ReplyParser.MAX_REPLY_CHARS) {
                cuts.add("a refused reply of " + format(message.text().length()) + " characters");
                kept.add(ChatMessage.assistant(Prompts.refusedReply(message.text().length())));
            } else {
                kept.add(message);
            }
        }
        return kept;
    }

    /** Drops turns, oldest first, a reply with the feedback on it, keeping the newest reply and what follows. */
    private List<ChatMessage> dropOldestTurns(List<ChatMessage> messages, int limit, List<String> cuts) {
        List<ChatMessage> head = messages.subList(0, 2);
        List<ChatMessage> turns = new ArrayList<>(messages.subList(2, messages.size()));
        boolean noted = !turns.isEmpty() && turns.get(0).text().equals(Conversation.OMITTED);
        if (noted) {
            turns.remove(0);
        }
        int newestReply = lastReply(turns);
        int dropped = 0;
        while (newestReply > 0 && counter.count(join(head, turns, noted || dropped > 0)) > limit) {
            int end = 1;
            while (end < newestReply && turns.get(end).role() != ChatMessage.Role.ASSISTANT) {
                end++;
            }
            turns.subList(0, end).clear();
            newestReply -= end;
            dropped += end;
        }
        if (dropped > 0) {
            cuts.add(dropped + " message(s) of the oldest refinement turns");
        }
        return join(head, turns, noted || dropped > 0);
    }

    private static List<ChatMessage> join(List<ChatMessage> head, List<ChatMessage> turns, boolean noted) {
        List<ChatMessage> messages = new ArrayList<>(head);
        if (noted) {
            messages.add(ChatMessage.user(Conversation.OMITTED));
        }
        messages.addAll(turns);
        return messages;
    }

    private static int lastReply(List<ChatMessage> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == ChatMessage.Role.ASSISTANT) {
                return i;
            }
        }
        return turns.isEmpty() ? -1 : turns.size() - 1;
    }

    /**
     * Cuts the context as far as an earlier request with the same task message was cut, so every
     * request of a task opens with the same system prompt, task and context, and a provider's
     * prompt cache keeps serving that prefix.
     */
    private List<ChatMessage> keepEarlierContextCut(List<ChatMessage> messages, List<String> cuts) {
        if (!contextKept(messages)) {
            return messages;
        }
        return cutContext(messages, Integer.MAX_VALUE, cuts);
    }

    /** Whether an earlier request of this task lost context sections, which this one loses too. */
    private boolean contextKept(List<ChatMessage> messages) {
        return messages.size() >= 2 && contextKept.containsKey(messages.get(1).text());
    }

    /**
     * Drops project context sections from the least relevant (the end) until the request fits, and
     * first as many as an earlier request of this task lost. Remembers how many stayed.
     */
    private List<ChatMessage> cutContext(List<ChatMessage> messages, int limit, List<String> cuts) {
        List<ChatMessage> cut = new ArrayList<>(messages);
        String task = messages.get(1).text();
        List<String> sections = new ArrayList<>(ProjectContext.sections(Prompts.contextOf(task)));
        int all = sections.size();
        int earlier = contextKept.getOrDefault(task, all);
        while (!sections.isEmpty() && (sections.size() > earlier || counter.count(cut) > limit)) {
            String section = sections.remove(sections.size() - 1);
            cuts.add("context section '" + section.lines().findFirst().orElse("").substring(4) + "' ("
                    + format(counter.count(section)) + " tokens)");
            cut.set(1, new ChatMessage(messages.get(1).role(), Prompts.withContext(task, String.join("\n", sections))));
        }
        if (sections.size() < all) {
            contextKept.merge(task, sections.size(), Math::min);
        }
        return cut;
    }

    /** Keeps as much of the newest feedback's start as fits: findings come blocking ones first. */
    private List<ChatMessage> cutFeedback(List<ChatMessage> messages, int limit, List<String> cuts) {
        String feedback = last(messages).text();
        List<ChatMessage> cut = new ArrayList<>(messages);
        int low = 0;
        int high = feedback.length();
        while (low < high) {
            int middle = (low + high + 1) / 2;
            cut.set(cut.size() - 1, ChatMessage.user(shortened(feedback, middle)));
            if (counter.count(cut) <= limit) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        cut.set(cut.size() - 1, ChatMessage.user(shortened(feedback, low)));
        cuts.add("the newest feedback to " + format(low) + " of " + format(feedback.length()) + " characters");
        return cut;
    }

    private static String shortened(String feedback, int keep) {
        return feedback.substring(0, keep) + Prompts.FEEDBACK_CUT;
    }

    private ModelException tooLarge(ChatRequest request, List<ChatMessage> cut, int tokens, int limit, String bound) {
        List<ChatMessage> spec = cut.subList(0, Math.min(2, cut.size()));
        int specTokens = counter.count(spec);
        int chars = spec.stream().mapToInt(message -> message.text().length()).sum();
        if (specTokens > limit && Prompts.isTask(spec.get(spec.size() - 1).text())) {
            return new ModelException(ModelException.Kind.CONTEXT_OVERFLOW, "the spec of task " + task(request)
                    + " alone, with the system prompt, takes " + format(specTokens) + " prompt tokens ("
                    + format(chars) + " characters), more than " + bound + "; shorten or split the spec, or raise"
                    + " maxPromptTokens if the model's context window allows");
        }
        if (specTokens > limit) {
            // a part's description with the shared code, or a review's task with the code under review
            return new ModelException(ModelException.Kind.CONTEXT_OVERFLOW, "task " + task(request) + ": '"
                    + request.purpose() + "' takes " + format(specTokens) + " prompt tokens (" + format(chars)
                    + " characters) in its system prompt and first message, which are never cut, more than " + bound
                    + "; raise maxPromptTokens if the model's context window allows, or split the task");
        }
        return new ModelException(ModelException.Kind.CONTEXT_OVERFLOW, "task " + task(request) + ": '"
                + request.purpose() + "' still takes " + format(tokens) + " prompt tokens with the old turns, the"
                + " project context and the feedback cut (the spec takes " + format(specTokens) + ", the rest is the"
                + " newest code), more than " + bound + "; raise maxPromptTokens if the model's context window allows");
    }

    /** The second try's size: three quarters of the refused one, or less when the refusal names the limit. */
    static int smallerThan(int refused, String refusal) {
        int target = (int) (refused * OVERFLOW_SHRINK);
        Matcher limit = SERVER_LIMIT.matcher(refusal == null ? "" : refusal);
        if (limit.find()) {
            target = Math.min(target, (int) (Long.parseLong(limit.group(1).replace(",", "")) * OVERFLOW_SHRINK));
        }
        return Math.max(1, target);
    }

    /**
     * Looks for a cut prompt in the opening request of a generating conversation only: later ones,
     * and reviews of the same task, repeat a prefix already sent, and Ollama reports only the prompt
     * tokens it did not take from its cache, which would look like a cut.
     */
    private ChatReply checked(Fit fit, ChatReply reply) {
        long reported = reply.usage().inputTokens();
        List<ChatMessage> messages = fit.request().messages();
        boolean opening = messages.get(0).text().equals(Prompts.GENERATOR_SYSTEM)
                && messages.stream().noneMatch(m -> m.role() == ChatMessage.Role.ASSISTANT);
        if (opening && reported > 0 && fit.tokens() >= TRUNCATION_MIN_TOKENS
                && reported < fit.tokens() * TRUNCATION_SHARE) {
            String task = task(fit.request());
            truncatedTasks.add(task);
            if (warnedTruncation.compareAndSet(false, true)) {
                warn.accept("the endpoint counted " + format(reported) + " prompt tokens for '"
                        + fit.request().purpose() + "', which has about " + format(fit.tokens()) + ": the server"
                        + " most likely cut the prompt to its context window, and the model saw only part of the"
                        + " task. Give the server a larger context (provider ollama: <numCtx>, the num_ctx it asks for;"
                        + " Ollama's /v1 endpoint: OLLAMA_CONTEXT_LENGTH=16384; vLLM: --max-model-len) and keep"
                        + " maxPromptTokens below it. Affected tasks are marked in"
                        + " the report; this is said once per run");
            }
        }
        return reply;
    }

    /** The task a request is for: its purpose is a verb and the task's name ({@code generate money/part}). */
    private static String task(ChatRequest request) {
        String name = request.task();
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    private static ChatMessage last(List<ChatMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
