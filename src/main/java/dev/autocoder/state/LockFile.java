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
import java.util.TreeMap;

/**
 * The committed record of verified code (by default {@code src/main/autocoder/autocoder.lock.json}):
 * per task its fingerprint and the files that passed, so a build whose inputs did not change
 * restores them without calling the model. Identical content always gives identical bytes, so the
 * file diffs cleanly in version control. It holds only code and digests, never secrets.
 */
public final class LockFile {

    /** The format this class reads and writes; a file with another one is refused. */
    public static final int FORMAT = 1;

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

    /** One task's verified result and the fingerprint of the inputs it was made from. */
    public record Entry(String task, Fingerprint fingerprint, List<LockedFile> files) {
        public Entry {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(fingerprint, "fingerprint");
            files = files.stream().sorted(Comparator.comparing(LockedFile::root)
                    .thenComparing(LockedFile::path)).toList();
        }

        public static Entry of(String task, Fingerprint fingerprint, List<CodeUnit> units) {
            return new Entry(task, fingerprint, units.stream().map(LockedFile::of).toList());
        }
    }

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

    public Optional<Entry> entry(String task) {
        return Optional.ofNullable(entries.get(task));
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** This lock file with the task's entry added or replaced. */
    public LockFile with(Entry entry) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.put(entry.task(), entry);
        return new LockFile(copy);
    }

    /** This lock file without the task's entry. */
    public LockFile without(String task) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.remove(task);
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
        json.beginObject().name("task").value(entry.task())
                .name("fingerprint").value(entry.fingerprint().value())
                .name("inputs").beginObject();
        for (Map.Entry<String, String> input : entry.fingerprint().inputs().entrySet()) {
            json.name(input.getKey()).value(input.getValue());
        }
        json.endObject().name("files").beginArray();
        for (LockedFile file : entry.files()) {
            json.beginObject().name("root").value(file.root().name().toLowerCase(Locale.ROOT))
                    .name("path").value(file.path())
                    .name("content").value(file.content())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static LockFile parse(JsonObject root) {
        int format = root.get("format").getAsInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not " + FORMAT
                    + ", the one this plugin version understands");
        }
        SortedMap<String, Entry> entries = new TreeMap<>();
        for (JsonElement element : root.getAsJsonArray("tasks")) {
            Entry entry = parseEntry(element.getAsJsonObject());
            entries.put(entry.task(), entry);
        }
        return new LockFile(entries);
    }

    private static Entry parseEntry(JsonObject task) {
        SortedMap<String, String> inputs = new TreeMap<>();
        task.getAsJsonObject("inputs").entrySet()
                .forEach(input -> inputs.put(input.getKey(), input.getValue().getAsString()));
        List<LockedFile> files = new ArrayList<>();
        JsonArray array = task.getAsJsonArray("files");
        for (JsonElement element : array) {
            JsonObject file = element.getAsJsonObject();
            files.add(new LockedFile(
                    Root.valueOf(file.get("root").getAsString().toUpperCase(Locale.ROOT)),
                    file.get("path").getAsString(), file.get("content").getAsString()));
        }
        return new Entry(task.get("task").getAsString(),
                new Fingerprint(task.get("fingerprint").getAsString(), inputs), files);
    }
}
