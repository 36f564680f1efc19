package dev.autocoder.state;

import dev.autocoder.model.ReplyJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Keeps an execution's state folder from growing across runs: what belongs to tasks that no longer
 * exist and the sub-build folders of earlier runs go at the start of a run.
 */
public final class StateFolder {

    /** The names below {@code stateDirectory/<executionId>} that {@code Autocoder} gives its files. */
    private static final String TASKS = "tasks";
    private static final String JOURNAL = "journal.jsonl";
    private static final String SUB_BUILDS = "subbuild";

    private StateFolder() {
    }

    /**
     * What a tidy removed.
     *
     * @param states saved task states of removed tasks
     * @param replies journal entries of removed tasks
     * @param subBuilds sub-build folders an earlier run left behind
     */
    public record Removed(int states, int replies, int subBuilds) {

        /** One line for the log, or empty when nothing was removed. */
        public Optional<String> describe() {
            if (states + replies + subBuilds == 0) {
                return Optional.empty();
            }
            return Optional.of("autocoder: removed " + states + " task state(s) and " + replies + " journal entr"
                    + (replies == 1 ? "y" : "ies") + " of tasks no spec names any more, and " + subBuilds
                    + " sub-build folder(s) of an earlier run");
        }
    }

    /**
     * Removes, from an execution's folder, the task states and journal entries of tasks other than
     * {@code tasks} (and their parts), and unless {@code keepSubBuilds} every sub-build folder. The
     * caller holds the run lock, so no other build is using any of it; the journal is rewritten
     * atomically, so a stop at any point loses no reply of an existing task.
     *
     * @param runDirectory {@code stateDirectory/<executionId>}
     * @param tasks the names of the tasks this run has
     */
    public static Removed tidy(Path runDirectory, Collection<String> tasks, boolean keepSubBuilds,
            Consumer<String> warnings) throws IOException {
        Predicate<String> current = ownedBy(Set.copyOf(tasks));
        int states = new StateStore(runDirectory.resolve(TASKS), warnings).retain(current);
        int replies = 0;
        Path journal = runDirectory.resolve(JOURNAL);
        if (Files.isRegularFile(journal)) {
            ReplyJournal.Retained retained = ReplyJournal.retain(
                    Files.readString(journal, StandardCharsets.UTF_8), current);
            if (retained.dropped() > 0) {
                AtomicFiles.writeString(journal, retained.content());
                replies = retained.dropped();
            }
        }
        int subBuilds = keepSubBuilds ? 0 : deleteChildren(runDirectory.resolve(SUB_BUILDS), warnings);
        return new Removed(states, replies, subBuilds);
    }

    /**
     * The bytes of every file below {@code folder}; a file that vanishes while it is measured
     * counts as nothing.
     */
    public static long size(Path folder) throws IOException {
        AtomicLong bytes = new AtomicLong();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes.addAndGet(attributes.isRegularFile() ? attributes.size() : 0);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes.get();
    }

    /** A task's own name and the names of its parts ({@code money/part-1}, at any depth). */
    private static Predicate<String> ownedBy(Set<String> tasks) {
        return name -> {
            int slash = name.indexOf('/');
            return tasks.contains(slash < 0 ? name : name.substring(0, slash));
        };
    }

    /** Deletes what is in {@code folder}; what cannot go only costs disk space, so it is reported, not fatal. */
    private static int deleteChildren(Path folder, Consumer<String> warnings) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.toList();
        }
        int deleted = 0;
        for (Path child : children) {
            try (Stream<Path> walk = Files.walk(child)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
                deleted++;
            } catch (IOException e) {
                warnings.accept("cannot delete " + child + ", left by an earlier run (" + e + "); delete it by hand");
            }
        }
        return deleted;
    }
}
