package dev.autocoder.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An append-only JSON-lines file of model replies keyed by {@link ChatRequest#key(String)}, so a
 * reply once paid for is never asked for again and a committed cassette replays a whole run.
 *
 * <p>Each line is {@code {"key", "purpose", "task", "messages": [{"role", "text"}], "reply", "usage":
 * {"input", "output", "cached"}, "finishReason"}} in that order, so a committed file diffs well;
 * {@code cached} is left out when no prompt tokens came from the provider's cache; lines written
 * before entries named their task have no {@code "task"}, and their purpose names it. Every append
 * is written and forced to disk before it returns: a run killed right after a reply loses nothing.
 * A line that cannot be read (typically the last one, cut off by such a kill) is skipped with a
 * warning naming the file and line. The journal never sees the API key. Thread-safe.
 */
public final class ReplyJournal {

    private final Path file;
    private final Map<String, ChatReply> replies = new HashMap<>();
    /** True when the file does not end in a newline, so the next append must start a fresh line. */
    private boolean unterminated;

    private ReplyJournal(Path file) {
        this.file = file;
    }

    /**
     * Reads the journal at {@code file}, which need not exist yet.
     *
     * @param warnings receives one message per skipped line
     */
    public static ReplyJournal open(Path file, Consumer<String> warnings) throws IOException {
        Objects.requireNonNull(warnings, "warnings");
        ReplyJournal journal = new ReplyJournal(file.toAbsolutePath().normalize());
        if (Files.exists(file)) {
            journal.load(Files.readString(file, StandardCharsets.UTF_8), warnings);
        }
        return journal;
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<ChatReply> find(String key) {
        return Optional.ofNullable(replies.get(key));
    }

    public synchronized int size() {
        return replies.size();
    }

    /**
     * Records {@code reply} for {@code request} under {@code key} and forces it to disk; a key
     * already present is kept as it is.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public synchronized void append(String key, ChatRequest request, ChatReply reply) {
        if (replies.containsKey(key)) {
            return;
        }
        String line = (unterminated ? "\n" : "") + toJson(key, request, reply) + "\n";
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append a model reply to the journal " + file, e);
        }
        unterminated = false;
        replies.put(key, reply);
    }

    /**
     * The journal text without the entries of tasks that {@code keepTask} rejects, for a run to
     * rewrite before it opens the journal. A line whose task cannot be told (an unreadable one) is
     * kept as it is: compaction never drops what it cannot judge.
     *
     * @param keepTask sees each entry's task, {@code money} or {@code money/part-1}
     */
    public static Retained retain(String content, Predicate<String> keepTask) {
        StringBuilder kept = new StringBuilder();
        int dropped = 0;
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<String> task = taskOf(line);
            if (task.isPresent() && !keepTask.test(task.get())) {
                dropped++;
            } else {
                kept.append(line).append('\n');
            }
        }
        return new Retained(kept.toString(), dropped);
    }

    /** A compacted journal's text, and how many entries it no longer holds. */
    public record Retained(String content, int dropped) {
    }

    private static Optional<String> taskOf(String line) {
        JsonObject entry;
        try {
            entry = JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (entry.get("task") instanceof JsonPrimitive task) {
            return Optional.of(task.getAsString());
        }
        // Older entries: every purpose is a one-word action, a space, then the task.
        if (entry.get("purpose") instanceof JsonPrimitive purpose && purpose.getAsString().contains(" ")) {
            return Optional.of(purpose.getAsString().substring(purpose.getAsString().indexOf(' ') + 1));
        }
        return Optional.empty();
    }

    private void load(String content, Consumer<String> warnings) {
        String[] lines = content.split("\n", -1);
        // split leaves "" after a final newline; anything else there is a line cut off mid-write.
        int last = lines.length - 1;
        unterminated = !lines[last].isEmpty();
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
                replies.putIfAbsent(text(entry, "key"), fromJson(entry));
            } catch (RuntimeException unreadable) {
                String why = index == last
                        ? "it is cut off, probably by a run that stopped while writing it"
                        : String.valueOf(unreadable.getMessage());
                warnings.accept(file + ":" + (index + 1) + ": skipped an unreadable reply journal line (" + why + ")");
            }
        }
    }

    private static String toJson(String key, ChatRequest request, ChatReply reply) {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("key").value(key);
            json.name("purpose").value(request.purpose());
            json.name("task").value(request.task());
            json.name("messages").beginArray();
            for (ChatMessage message : request.messages()) {
                json.beginObject();
                json.name("role").value(message.role().name().toLowerCase(Locale.ROOT));
                json.name("text").value(message.text());
                json.endObject();
            }
            json.endArray();
            json.name("reply").value(reply.text());
            json.name("usage").beginObject();
            json.name("input").value(reply.usage().inputTokens());
            json.name("output").value(reply.usage().outputTokens());
            // written only when the endpoint reported some, so journals without caching read as before
            if (reply.usage().cachedInputTokens() > 0) {
                json.name("cached").value(reply.usage().cachedInputTokens());
            }
            json.endObject();
            json.name("finishReason").value(reply.finishReason());
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static ChatReply fromJson(JsonObject entry) {
        TokenUsage usage = TokenUsage.NONE;
        if (entry.get("usage") instanceof JsonObject counts) {
            usage = new TokenUsage(counts.get("input").getAsLong(), counts.get("output").getAsLong(),
                    counts.has("cached") ? counts.get("cached").getAsLong() : 0);
        }
        JsonElement finishReason = entry.get("finishReason");
        return new ChatReply(text(entry, "reply"), usage,
                finishReason == null || finishReason.isJsonNull() ? null : finishReason.getAsString());
    }

    private static String text(JsonObject entry, String name) {
        JsonElement value = entry.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("no \"" + name + "\" text");
        }
        return value.getAsString();
    }
}
