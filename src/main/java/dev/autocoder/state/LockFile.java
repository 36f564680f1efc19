package dev.autocoder.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import dev.autocoder.verify.CodeUnit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The committed record of verified code (by default {@code src/main/autocoder/autocoder.lock.json}):
 * per execution and task the two fingerprints and the files that passed, so a build whose inputs did
 * not change restores them without calling the model, and a build where only what the code is
 * verified against changed re-verifies them without it. Identical content always gives identical
 * bytes, so the file diffs cleanly in version control. It holds only code and digests, never secrets.
 */
public final class LockFile {

    /** The format this class writes; format 1 is still read (see {@link #LEGACY_EXECUTION}). */
    public static final int FORMAT = 2;

    /**
     * The execution that format-1 entries, which had no execution, are read as: the goal's default
     * execution, where every such entry came from unless the POM named its execution.
     */
    public static final String LEGACY_EXECUTION = "default";

    /**
     * The inputs that reached the model, by name: format 1 kept one fingerprint over every input, and
     * its per-input digests are split along this line when such a file is read.
     */
    private static final Set<String> LEGACY_GENERATION_INPUTS = Set.of("spec", "answers", "context", "model",
            "prompts");

    /**
     * What format 1's {@code context} input is read as. It hashed the context with the project summary
     * (release, dependency versions), which format 2 leaves to the verification fingerprint; under its
     * own name it can still be compared with the context a run sends, and never mistaken for format 2's.
     */
    public static final String LEGACY_CONTEXT_INPUT = "context with project summary";

    /** One writer per lock file at a time in this JVM: tasks verify in parallel and each locks its entry. */
    private static final ConcurrentHashMap<Path, Object> WRITERS = new ConcurrentHashMap<>();

    /** Which generated source root a file belongs to. */
    public enum Root { MAIN, TEST }

    /** Thrown when a lock file cannot be read or an entry would write outside its output folder. */
    public static final class LockFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LockFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One verified file.
     *
     * @param path relative to the root, '/' separated: {@code com/example/Money.java}
     */
    public record LockedFile(Root root, String path, String content) {
        public LockedFile {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }

        static LockedFile of(CodeUnit unit) {
            List<String> parts = new ArrayList<>();
            unit.relativePath().forEach(part -> parts.add(part.toString()));
            return new LockedFile(unit.test() ? Root.TEST : Root.MAIN, String.join("/", parts),
                    unit.source());
        }
    }

    /**
     * One task's verified result and the fingerprints of the inputs it was made and verified with.
     *
     * @param execution the Maven execution the task belongs to ({@code default} for the goal's default one)
     * @param generation what reached the model: when it changes, the task is generated again
     * @param verification what the code was verified against: when only it changes, the code is
     *     verified again, without the model
     */
    public record Entry(String execution, String task, Fingerprint generation, Fingerprint verification,
            List<LockedFile> files) {
        public Entry {
            Objects.requireNonNull(execution, "execution");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(generation, "generation");
            Objects.requireNonNull(verification, "verification");
            files = files.stream().sorted(Comparator.comparing(LockedFile::root)
                    .thenComparing(LockedFile::path)).toList();
        }

        public static Entry of(String execution, String task, Fingerprint generation, Fingerprint verification,
                List<CodeUnit> units) {
            return new Entry(execution, task, generation, verification, units.stream().map(LockedFile::of).toList());
        }

        /**
         * The same code under the fingerprints of the inputs it was just verified with. The generation
         * fingerprint is passed too, because one read from a format-1 file is kept in that file's terms.
         */
        public Entry reverified(Fingerprint newGeneration, Fingerprint newVerification) {
            return new Entry(execution, task, newGeneration, newVerification, files);
        }

        private String key() {
            return execution + "\0" + task;
        }
    }

    /** Entries by execution, then task, which is also the order they are written in. */
    private final SortedMap<String, Entry> entries;

    private LockFile(SortedMap<String, Entry> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    public static LockFile empty() {
        return new LockFile(new TreeMap<>());
    }

    /**
     * Reads a lock file; a missing file is an empty one.
     *
     * @throws LockFileException when the file is not a lock file this version understands
     */
    public static LockFile read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        }
        try {
            return parse(JsonParser.parseString(text).getAsJsonObject());
        } catch (RuntimeException e) {
            // Gson signals a wrong shape with several unchecked exceptions (a missing field is a
            // NullPointerException, an object where an array belongs a ClassCastException); to
            // the person reading, they all mean the same.
            throw new LockFileException("the lock file " + file + " is not valid (" + e.getMessage()
                    + "); restore it from version control or delete it to generate afresh", e);
        }
    }

    /**
     * Changes the lock file on disk: reads it, applies the change and writes the result atomically,
     * all under one lock per file, so tasks that verify at the same moment never lose each other's
     * entries. Nothing is written when the change leaves the file as it was.
     *
     * @return the lock file as written
     */
    public static LockFile update(Path file, UnaryOperator<LockFile> change) throws IOException {
        synchronized (WRITERS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object())) {
            LockFile before = read(file);
            LockFile after = change.apply(before);
            // A format-1 file is rewritten as format 2 only when an entry changes, so a build that
            // only restores never touches the committed file.
            if (!after.entries.equals(before.entries)) {
                after.write(file);
            }
            return after;
        }
    }

    public Optional<Entry> entry(String execution, String task) {
        return Optional.ofNullable(entries.get(execution + "\0" + task));
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** The entries of one execution, by task. */
    public List<Entry> entries(String execution) {
        return entries.values().stream().filter(entry -> entry.execution().equals(execution)).toList();
    }

    /** This lock file with the entry added or replacing the one of its execution and task. */
    public LockFile with(Entry entry) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.put(entry.key(), entry);
        return new LockFile(copy);
    }

    /**
     * This lock file with the entries of execution {@code from} moved to execution {@code to}, when
     * {@code to} has none yet: what {@code mvn autocoder:generate} of an earlier version wrote under
     * {@code default} while the POM's one execution of the goal had an id of its own.
     */
    public LockFile adopting(String from, String to) {
        if (from.equals(to) || !entries(to).isEmpty()) {
            return this;
        }
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        for (Entry entry : entries(from)) {
            copy.remove(entry.key());
            Entry moved = new Entry(to, entry.task(), entry.generation(), entry.verification(), entry.files());
            copy.put(moved.key(), moved);
        }
        return new LockFile(copy);
    }

    /** This lock file without the entries of the execution whose task is not among {@code tasks}. */
    public LockFile retaining(String execution, Set<String> tasks) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.values().removeIf(entry -> entry.execution().equals(execution) && !tasks.contains(entry.task()));
        return new LockFile(copy);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** The exact text {@link #write(Path)} writes: two-space indents, '\n' line ends. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setIndent("  ");
            json.setHtmlSafe(false);
            json.beginObject().name("format").value(FORMAT).name("tasks").beginArray();
            for (Entry entry : entries.values()) {
                writeEntry(json, entry);
            }
            json.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out + "\n";
    }

    /**
     * Writes an entry's files byte for byte below the output folders.
     *
     * @return the files written
     * @throws LockFileException when a path would land outside its output folder
     */
    public static List<Path> restore(Entry entry, Path mainOut, Path testOut) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (LockedFile file : entry.files()) {
            targets.add(target(entry, file, file.root() == Root.MAIN ? mainOut : testOut));
        }
        // Every path is checked before the first write, so a bad entry leaves nothing behind.
        for (int i = 0; i < targets.size(); i++) {
            AtomicFiles.writeString(targets.get(i), entry.files().get(i).content());
        }
        return targets;
    }

    private static Path target(Entry entry, LockedFile file, Path outputRoot) {
        String path = file.path();
        Path root = outputRoot.toAbsolutePath().normalize();
        boolean plain = !path.isEmpty() && !path.startsWith("/") && !path.contains("\\")
                && !path.contains(":") && !path.contains("\0")
                && List.of(path.split("/", -1)).stream()
                        .noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
        Path target = root.resolve(path).normalize();
        if (!plain || !target.startsWith(root) || target.equals(root)) {
            throw new LockFileException("the lock file entry for task " + entry.task()
                    + " names the file '" + path + "', which is not a plain relative path inside "
                    + root + "; refusing to restore it", null);
        }
        return target;
    }

    private static void writeEntry(JsonWriter json, Entry entry) throws IOException {
        json.beginObject().name("execution").value(entry.execution()).name("task").value(entry.task());
        writeFingerprint(json.name("generation"), entry.generation());
        writeFingerprint(json.name("verification"), entry.verification());
        json.name("files").beginArray();
        for (LockedFile file : entry.files()) {
            json.beginObject().name("root").value(file.root().name().toLowerCase(Locale.ROOT))
                    .name("path").value(file.path())
                    .name("content").value(file.content())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void writeFingerprint(JsonWriter json, Fingerprint fingerprint) throws IOException {
        json.beginObject().name("fingerprint").value(fingerprint.value()).name("inputs").beginObject();
        for (Map.Entry<String, String> input : fingerprint.inputs().entrySet()) {
            json.name(input.getKey()).value(input.getValue());
        }
        json.endObject().endObject();
    }

    private static LockFile parse(JsonObject root) {
        int format = root.get("format").getAsInt();
        if (format != FORMAT && format != 1) {
            throw new IllegalArgumentException("format " + format + " is not one this plugin version understands ("
                    + "1 or " + FORMAT + "); it was written by a newer autocoder, so use that version or"
                    + " regenerate with this one");
        }
        SortedMap<String, Entry> entries = new TreeMap<>();
        for (JsonElement element : root.getAsJsonArray("tasks")) {
            JsonObject task = element.getAsJsonObject();
            Entry entry = format == FORMAT ? parseEntry(task) : parseLegacyEntry(task);
            entries.put(entry.key(), entry);
        }
        return new LockFile(entries);
    }

    private static Entry parseEntry(JsonObject task) {
        return new Entry(task.get("execution").getAsString(), task.get("task").getAsString(),
                parseFingerprint(task.getAsJsonObject("generation")),
                parseFingerprint(task.getAsJsonObject("verification")), parseFiles(task));
    }

    /**
     * A format-1 entry: one fingerprint over all inputs, with each input's digest. Split into the two
     * fingerprints, it compares exactly with what a run computes for unchanged inputs, so a committed
     * format-1 file still restores without the model.
     */
    private static Entry parseLegacyEntry(JsonObject task) {
        Fingerprint all = parseFingerprint(task);
        SortedMap<String, String> generation = new TreeMap<>(all.select(LEGACY_GENERATION_INPUTS::contains).inputs());
        String context = generation.remove("context");
        if (context != null) {
            generation.put(LEGACY_CONTEXT_INPUT, context);
        }
        return new Entry(LEGACY_EXECUTION, task.get("task").getAsString(), Fingerprint.of(generation),
                all.select(name -> !LEGACY_GENERATION_INPUTS.contains(name)), parseFiles(task));
    }

    private static Fingerprint parseFingerprint(JsonObject fingerprint) {
        SortedMap<String, String> inputs = new TreeMap<>();
        fingerprint.getAsJsonObject("inputs").entrySet()
                .forEach(input -> inputs.put(input.getKey(), input.getValue().getAsString()));
        Fingerprint parsed = Fingerprint.of(inputs);
        if (!parsed.value().equals(fingerprint.get("fingerprint").getAsString())) {
            throw new IllegalArgumentException("a fingerprint does not match its inputs");
        }
        return parsed;
    }

    private static List<LockedFile> parseFiles(JsonObject task) {
        List<LockedFile> files = new ArrayList<>();
        JsonArray array = task.getAsJsonArray("files");
        for (JsonElement element : array) {
            JsonObject file = element.getAsJsonObject();
            files.add(new LockedFile(
                    Root.valueOf(file.get("root").getAsString().toUpperCase(Locale.ROOT)),
                    file.get("path").getAsString(), file.get("content").getAsString()));
        }
        return files;
    }
}
