package dev.autocoder.state;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.InstanceCreator;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps each task's {@link TaskState} as one JSON file in a folder of its own per execution, so a
 * stopped build resumes where it was.
 */
public final class StateStore {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME_LENGTH = 80;
    private static final Pattern CORRUPT_COPY = Pattern.compile("(.*)\\.corrupt-\\d+\\.json");

    private final Path directory;
    private final Consumer<String> warnings;
    private final Gson gson;

    /**
     * @param directory the folder for this execution's states, {@code stateDirectory/<executionId>}
     * @param warnings where to report a state file that had to be set aside
     */
    public StateStore(Path directory, Consumer<String> warnings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.gson = new GsonBuilder()
                // A real constructor runs the field initialisers, so a field the file lacks keeps
                // its empty default instead of being left null by Unsafe allocation.
                .registerTypeAdapter(TaskState.class,
                        (InstanceCreator<TaskState>) type -> new TaskState(null, null))
                .disableHtmlEscaping()
                .setPrettyPrinting()
                .create();
    }

    /**
     * The saved state of a task, or a new one when none was saved or the saved one is unreadable.
     * A saved state is returned as it was, even when its fingerprint differs from the given one:
     * the caller decides whether to {@link TaskState#reset(String) reset} it.
     */
    public TaskState load(String task, String fingerprint) {
        Path file = fileFor(task);
        if (!Files.exists(file)) {
            return new TaskState(task, fingerprint);
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            setAside(file, "it is not UTF-8 text");
            return new TaskState(task, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state file " + file, e);
        }
        try {
            TaskState saved = gson.fromJson(json, TaskState.class);
            if (saved != null && saved.complete() && task.equals(saved.task())) {
                return saved;
            }
            setAside(file, "it is incomplete or belongs to another task");
        } catch (RuntimeException e) {
            // Gson reports bad JSON with JsonParseException, but a record constructor rejecting a
            // value (a negative token count) arrives as a plain RuntimeException: both mean the
            // file is unusable, and neither should stop the run.
            setAside(file, e.toString());
        }
        return new TaskState(task, fingerprint);
    }

    /** Writes the state atomically; safe to call concurrently for different tasks. */
    public void save(TaskState state) {
        String json;
        // TaskState's methods lock the instance; holding that lock gives a consistent snapshot.
        synchronized (state) {
            json = gson.toJson(state);
        }
        try {
            AtomicFiles.writeString(fileFor(state.task()), json + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state of task " + state.task()
                    + " to " + fileFor(state.task()), e);
        }
    }

    /**
     * Deletes the saved states whose task {@code keepTask} rejects, with their set-aside copies. A
     * file whose task cannot be read is left alone: its task may still exist, and loading it sets
     * it aside with a warning.
     *
     * @param keepTask sees each saved state's task, {@code money} or {@code money/part-1}
     * @return how many states were deleted
     */
    public int retain(Predicate<String> keepTask) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".json")).toList();
        }
        Set<String> deleted = new HashSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<String> task = CORRUPT_COPY.matcher(name).matches() ? Optional.empty() : taskOf(file);
            if (task.isPresent() && !keepTask.test(task.get())) {
                Files.delete(file);
                deleted.add(name.substring(0, name.length() - ".json".length()));
            }
        }
        for (Path file : files) {
            Matcher copy = CORRUPT_COPY.matcher(file.getFileName().toString());
            if (copy.matches() && deleted.contains(copy.group(1))) {
                Files.delete(file);
            }
        }
        return deleted.size();
    }

    private static Optional<String> taskOf(Path state) throws IOException {
        try {
            JsonElement task = JsonParser.parseString(Files.readString(state, StandardCharsets.UTF_8))
                    .getAsJsonObject().get("task");
            return task instanceof JsonPrimitive name ? Optional.of(name.getAsString()) : Optional.empty();
        } catch (CharacterCodingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The file a task's state lives in. */
    public Path fileFor(String task) {
        return directory.resolve(fileName(task) + ".json");
    }

    /**
     * A file name that is safe on every file system and distinct for distinct tasks: unsafe
     * characters become '_', and a changed or shortened name gets a digest of the original
     * appended so that {@code money/part-2} and {@code money_part-2} do not share a file.
     */
    static String fileName(String task) {
        String safe = UNSAFE.matcher(task).replaceAll("_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.equals(task) && !safe.isEmpty() && safe.length() <= MAX_NAME_LENGTH) {
            return safe;
        }
        String digest = HexFormat.of().formatHex(Fingerprint.sha256(
                task.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        return safe.substring(0, Math.min(safe.length(), MAX_NAME_LENGTH)) + "-" + digest;
    }

    private void setAside(Path file, String reason) {
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        for (int n = 1; ; n++) {
            Path aside = file.resolveSibling(base + ".corrupt-" + n + ".json");
            try {
                // Without REPLACE_EXISTING the move fails rather than overwrite an earlier one.
                Files.move(file, aside);
                warnings.accept("state file " + file + " is unreadable (" + reason
                        + "); moved it to " + aside + " and starting the task afresh");
                return;
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the unreadable state file " + file
                        + " aside to " + aside, e);
            }
        }
    }
}
