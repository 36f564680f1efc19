package dev.autocoder.core;

import dev.autocoder.engine.Task;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.InProcessCompiler;
import dev.autocoder.verify.SubBuildSlots;
import dev.autocoder.verify.SubBuildVerifier;
import dev.autocoder.verify.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks locked code again, without the model, for the tasks whose verification inputs changed.
 *
 * <p>By default ({@code reverify=compile}) all the locked code is compiled in process with the
 * changed project, with no sub-build: the project's own test phase, which runs right after, judges
 * its tests as it judges any other generated source. With {@code reverify=tests} all the locked code
 * runs in one final check, the way the project's build will see it, which charges each failing test
 * to the tasks whose code it needs by evidence; a test failure is run once more, and one that does
 * not repeat is flaky, never the model's.
 */
final class Reverification {

    /** What the sub-build says when it was stopped for running too long. */
    private static final String TIMEOUT_PREFIX = "sub-build exceeded ";

    /**
     * One task's verdict, and how long the verification it came from took.
     *
     * @param verdict the failures charged to the task, or the project's own failure, or passed
     * @param millis how long the check took, all of it (both runs when a failure was run again)
     * @param flaky failures charged to the task by a first run that a second run did not repeat
     * @param timeout why the sub-build was stopped, when it ran too long: neither a pass nor the model's
     */
    record Result(Verdict verdict, long millis, List<String> flaky, Optional<String> timeout) {
        Result {
            flaky = List.copyOf(flaky);
        }

        Result(Verdict verdict, long millis) {
            this(verdict, millis, List.of(), Optional.empty());
        }
    }

    /**
     * The results of one check.
     *
     * @param results a result for each stale task, in the run's order, and for any other locked task
     *     the check charged
     * @param notices what no task's code is to blame for, which the project's own build will report
     */
    record Outcome(Map<Task, Result> results, List<String> notices) {
    }

    private Reverification() {
    }

    /**
     * Compiles every locked unit in process with the project as it is now: no sub-build.
     *
     * @param tasks every task, in the run's order
     * @param stale the tasks to check again, in the run's order
     * @param locked the locked code by task, the stale tasks' included
     * @param slots the JVM's sub-build slots, one of which each sub-build here waits for
     */
    static Outcome compile(List<Task> tasks, List<Task> stale, Map<String, List<CodeUnit>> locked,
            InProcessCompiler compiler) {
        Map<String, List<CodeUnit>> byTask = byTask(tasks, locked);
        long started = System.nanoTime();
        InProcessCompiler.Outcome compiled = compiler.checkTogether(byTask.values().stream()
                .flatMap(List::stream).toList());
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, List<Feedback>> charged = new LinkedHashMap<>();
        List<String> notices = new ArrayList<>();
        for (Feedback finding : compiled.verdict().feedback()) {
            if (!finding.blocking()) {
                continue;
            }
            Set<String> owners = owners(byTask, finding);
            if (owners.isEmpty()) {
                notices.add(finding.message());
            }
            owners.forEach(task -> charged.computeIfAbsent(task, key -> new ArrayList<>()).add(finding));
        }
        Map<Task, Result> results = new LinkedHashMap<>();
        for (Task task : tasks) {
            List<Feedback> own = charged.get(task.name());
            if (own != null) {
                results.put(task, new Result(new Verdict(own), millis));
            } else if (stale.contains(task)) {
                results.put(task, new Result(Verdict.PASSED, millis));
            }
        }
        return new Outcome(results, notices);
    }

    /**
     * Runs every locked unit with the project's whole build and test suite in a sub-build; when a
     * test failure is charged to a task, runs it all once more and keeps only what repeats.
     *
     * @param tasks every task, in the run's order
     * @param stale the tasks to verify again, in the run's order
     * @param locked the locked code by task, the stale tasks' included
     */
    static Outcome tests(List<Task> tasks, List<Task> stale, Map<String, List<CodeUnit>> locked,
            SubBuildVerifier subBuilds, SubBuildSlots slots) {
        Map<String, List<CodeUnit>> byTask = byTask(tasks, locked);
        boolean everyTask = byTask.size() == tasks.size();
        long started = System.nanoTime();
        SubBuildVerifier.FinalCheck first = slots.run(() -> subBuilds.verifyTogether(byTask, everyTask));
        SubBuildVerifier.FinalCheck last = first;
        if (timeout(first).isEmpty() && first.charged().values().stream().flatMap(List::stream)
                .anyMatch(finding -> finding.stage() == Feedback.Stage.TEST)) {
            // A test failure may not repeat; compile and checkstyle findings always do.
            last = slots.run(() -> subBuilds.verifyTogether(byTask, everyTask));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Optional<String> timeout = timeout(last);
        Map<Task, Result> results = new LinkedHashMap<>();
        for (Task task : stale) {
            List<Feedback> charged = last.charged().getOrDefault(task.name(), List.of());
            List<String> flaky = last == first ? List.of() : first.charged().getOrDefault(task.name(), List.of())
                    .stream().filter(Feedback::blocking).map(LogListener::firstLine).toList();
            Verdict verdict;
            if (timeout.isPresent()) {
                verdict = Verdict.PASSED;
            } else if (!charged.isEmpty()) {
                verdict = new Verdict(charged);
                flaky = List.of();
            } else if (last.unassigned().isEmpty()) {
                verdict = Verdict.PASSED;
            } else {
                verdict = new Verdict(last.unassigned());
            }
            results.put(task, new Result(verdict, millis, flaky, timeout));
        }
        return new Outcome(results, List.of());
    }

    /** The locked code of the tasks that have some, in the run's order. */
    private static Map<String, List<CodeUnit>> byTask(List<Task> tasks, Map<String, List<CodeUnit>> locked) {
        Map<String, List<CodeUnit>> byTask = new LinkedHashMap<>();
        tasks.stream().filter(task -> locked.containsKey(task.name()))
                .forEach(task -> byTask.put(task.name(), locked.get(task.name())));
        return byTask;
    }

    /** Why the sub-build was stopped, when it ran too long. */
    private static Optional<String> timeout(SubBuildVerifier.FinalCheck check) {
        return check.unassigned().stream().map(Feedback::message).filter(message -> message.startsWith(TIMEOUT_PREFIX))
                .findFirst();
    }

    /**
     * The tasks a compile finding is about: the one whose file it is in ({@code com/acme/Money.java:12: ...});
     * else, for a finding in a project file, every task whose types it names.
     */
    static Set<String> owners(Map<String, List<CodeUnit>> byTask, Feedback finding) {
        Optional<String> ownFile = SubBuildVerifier.ownerOfFinding(byTask, finding);
        if (ownFile.isPresent()) {
            return Set.of(ownFile.get());
        }
        Set<String> owners = new LinkedHashSet<>();
        String message = finding.message();
        for (Map.Entry<String, List<CodeUnit>> task : byTask.entrySet()) {
            for (CodeUnit unit : task.getValue()) {
                if (Pattern.compile("(?<![\\w$.])" + Pattern.quote(unit.typeName()) + "(?![\\w$])").matcher(message).find()
                        || message.contains(unit.qualifiedName())) {
                    owners.add(task.getKey());
                }
            }
        }
        return owners;
    }
}
