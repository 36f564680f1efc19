package dev.autocoder.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The newest code of every task and part of a run, so that code which needs another task's or a
 * sibling part's types is compiled and tested with them, and a check that only waits for a type
 * nobody has written yet can wait for it instead of blaming the model.
 *
 * <p>An owner is a task ({@code money}) or a part ({@code calc/stack}). An owner is <em>active</em>
 * from {@link #enter} to {@link #leave}: while it is active it may still publish code. Each owner
 * has two entries: the units it <em>published</em> (they passed its fast checks, so others build
 * with them) and the units it last <em>attempted</em>, used only when every active owner waits on
 * another and nothing could ever be published otherwise.
 *
 * <p><b>Each task owns its types.</b> The first task to publish (or settle) a type owns it, together
 * with its parts: a part {@code calc/stack} may publish what its task {@code calc} owns and the
 * other way round, since a plan gives its parts the task's types. A unit of a type that another
 * task owns is refused (see {@link #publish}), so no task's copy or stub ever shadows another's
 * published class. A type is free again once no code of its owner is on the board any more.
 *
 * <p><b>Waiting.</b> A wait ({@link #awaitChange(String, long, Duration)}) ends only when another
 * owner changed what this one builds with: it published units that differ from what it had
 * published, settled code, entered or left. The waiting owner's own publishing and a republish of
 * identical units never end it, so a check that waits cannot wake itself and spin.
 */
public final class CandidateBoard {

    /** How a wait ended. */
    public enum Wake {
        /** Another owner changed the board: check again. */
        CHANGED,
        /** No other active owner could change it: every other one (enclosing tasks aside) waits too. */
        NEVER,
        /** The bound passed without a change. */
        TIMED_OUT
    }

    private final Object lock = new Object();
    private final Map<String, Entry> published = new LinkedHashMap<>();
    private final Map<String, List<CodeUnit>> attempted = new HashMap<>();
    private final Map<String, String> typeOwners = new HashMap<>();
    /** Types that a task that ended unverified attempted or published, with that task, until another publishes them. */
    private final Map<String, String> abandoned = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    /** The owners waiting, with the version each has seen. */
    private final Map<String, Long> waiting = new HashMap<>();
    /** The thread of each waiting owner. */
    private final Map<String, Thread> waitingThreads = new HashMap<>();
    /** Told which waiting threads sleep and which a change wakes: a set of its own until {@link #tellWriters}. */
    private volatile CandidateWriters writers = new CandidateWriters();
    /** When each owner was last told {@link Wake#NEVER}, by {@link #nevers}. */
    private final Map<String, Long> lastNever = new HashMap<>();
    private long nevers;
    /** A waiting owner whose turn it is to be told {@link Wake#NEVER}, or null. */
    private String turn;
    /** The waiting owners whose waits take turns (see {@link #awaitChange(String, long, Duration, boolean)}). */
    private final Set<String> turnTakers = new HashSet<>();
    /** The waiting owners that wait for the next code of an owner sent a failure they share. */
    private final Set<String> afterAnothersTurn = new HashSet<>();
    /** Waiting owners to wake although no code changed: the owner they waited for had its turn. */
    private final Set<String> turnEnded = new HashSet<>();
    private long version;
    private String lastAuthor = "";
    /** The newest version made by an owner other than {@link #lastAuthor}. */
    private long lastByAnotherAuthor;
    private long sequence;

    private record Entry(List<CodeUnit> units, long sequence) {
    }

    /**
     * Code verified before this run (restored from the lock file or a stopped run): fixed, never
     * active. Settled code claims its types as published code does.
     *
     * @return the qualified names of the units refused because another task owns their type
     */
    public List<String> settle(String owner, List<CodeUnit> units) {
        return publish(owner, units);
    }

    /** The owner may publish code from now on; others that need its types wait for it. */
    public void enter(String owner) {
        synchronized (lock) {
            if (active.add(owner)) {
                changed(owner);
            }
        }
    }

    /**
     * The owner will publish nothing more. Its published code stays when it ended verified and is
     * withdrawn otherwise, since nothing may be built on code that never verified; the types it
     * owned that way are free again.
     */
    public void leave(String owner, boolean verified) {
        synchronized (lock) {
            active.remove(owner);
            List<CodeUnit> tried = attempted.remove(owner);
            if (!verified) {
                String task = taskOf(owner);
                java.util.stream.Stream.concat(tried == null ? java.util.stream.Stream.empty() : tried.stream(),
                        published.entrySet().stream().filter(e -> e.getKey().equals(owner)
                                || e.getKey().startsWith(owner + "/")).flatMap(e -> e.getValue().units().stream()))
                        .filter(unit -> !unit.test())
                        .forEach(unit -> abandoned.putIfAbsent(unit.qualifiedName(), task));
                // Its parts' code goes too: nothing may be built on a task that never verified.
                published.keySet().removeIf(name -> name.equals(owner) || name.startsWith(owner + "/"));
                freeUnpublishedTypes();
            }
            changed(owner);
        }
    }

    /** Records what the owner just offered, before any check has run. */
    public void attempt(String owner, List<CodeUnit> units) {
        synchronized (lock) {
            attempted.put(owner, List.copyOf(units));
        }
    }

    /**
     * The owner's code passed its fast checks: others compile and test with it from now on. The
     * board keeps only the units whose type this owner's task owns or nobody owns yet (claiming
     * those); a unit of a type another task owns is refused: left off the board, where the owner's
     * code stays, and named in the result so that the caller can tell the model to use the owner's
     * type instead of writing its own. Publishing the units already published changes nothing and
     * wakes nobody but the owners that wait for this owner's next code after it was sent a failure
     * they share ({@link #awaitChange(String, long, Duration, boolean, boolean)}): its turn changed
     * nothing, so one of them may be sent that failure next.
     *
     * @return the qualified names of the refused units, empty when every unit was kept
     */
    public List<String> publish(String owner, List<CodeUnit> units) {
        synchronized (lock) {
            String task = taskOf(owner);
            List<CodeUnit> kept = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (CodeUnit unit : units) {
                String claimant = typeOwners.get(unit.qualifiedName());
                if (claimant == null || claimant.equals(task)) {
                    kept.add(unit);
                } else {
                    refused.add(unit.qualifiedName());
                }
            }
            Entry before = published.get(owner);
            if (before != null && before.units().equals(kept)) {
                waitingThreads.forEach((other, thread) -> {
                    if (!other.equals(owner) && afterAnothersTurn.contains(other) && turnEnded.add(other)) {
                        writers.writing(thread);
                    }
                });
                if (!turnEnded.isEmpty()) {
                    lock.notifyAll();
                }
                return List.copyOf(refused);
            }
            kept.forEach(unit -> typeOwners.put(unit.qualifiedName(), task));
            kept.forEach(unit -> abandoned.remove(unit.qualifiedName()));
            published.put(owner, new Entry(List.copyOf(kept), ++sequence));
            freeUnpublishedTypes();
            changed(owner);
            return List.copyOf(refused);
        }
    }

    /**
     * The code every other owner published, the newest unit winning where a task and its parts
     * declare one type (no two tasks can: each type has one owning task).
     */
    public List<CodeUnit> others(String owner) {
        synchronized (lock) {
            Map<String, CodeUnit> newest = new LinkedHashMap<>();
            published.entrySet().stream().filter(e -> !e.getKey().equals(owner))
                    .sorted(Map.Entry.comparingByValue(Comparator.comparingLong(Entry::sequence)))
                    .forEach(e -> e.getValue().units().forEach(unit -> newest.put(unit.qualifiedName(), unit)));
            return List.copyOf(newest.values());
        }
    }

    /**
     * The task that was writing a type of this simple name and ended unverified (none of its parts
     * still active), when no one has published that type since: code that needs it cannot verify in
     * this run.
     */
    public Optional<String> abandonedBy(String simpleName) {
        synchronized (lock) {
            return abandoned.entrySet().stream()
                    .filter(e -> e.getKey().equals(simpleName) || e.getKey().endsWith("." + simpleName))
                    .map(Map.Entry::getValue)
                    .filter(task -> active.stream().noneMatch(owner -> owner.equals(task) || owner.startsWith(task + "/")))
                    .sorted().findFirst();
        }
    }

    /**
     * What other owners last attempted, over what they published, for when waiting could never
     * end; an attempted unit of a type another task owns never replaces the owner's.
     */
    public List<CodeUnit> othersAttempted(String owner) {
        synchronized (lock) {
            Map<String, CodeUnit> units = new LinkedHashMap<>();
            others(owner).forEach(unit -> units.put(unit.qualifiedName(), unit));
            attempted.forEach((name, list) -> {
                if (!name.equals(owner)) {
                    list.stream().filter(unit -> mayPublish(name, unit))
                            .forEach(unit -> units.put(unit.qualifiedName(), unit));
                }
            });
            return List.copyOf(units.values());
        }
    }

    /** Which owner published the unit of this qualified name, or empty when none did. */
    public Optional<String> ownerOf(String qualifiedName) {
        synchronized (lock) {
            return published.entrySet().stream()
                    .filter(e -> e.getValue().units().stream().anyMatch(u -> u.qualifiedName().equals(qualifiedName)))
                    .max(Map.Entry.comparingByValue(Comparator.comparingLong(Entry::sequence)))
                    .map(Map.Entry::getKey);
        }
    }

    /** A number that grows whenever code is published or settled, or an owner enters or leaves. */
    public long version() {
        synchronized (lock) {
            return version;
        }
    }

    /**
     * Waits, without a bound, as {@link #awaitChange(String, long, Duration)} does.
     *
     * @return true when another owner changed the board, false when waiting could never end
     */
    public boolean awaitChange(String owner, long seen) {
        return awaitChange(owner, seen, Duration.ofMillis(Long.MAX_VALUE)) == Wake.CHANGED;
    }

    /**
     * Waits until another owner changed the board after {@link #version()} was {@code seen}, until
     * no other owner could change it (every other active owner, the owner's own enclosing tasks
     * aside, waits too), or until {@code bound} has passed.
     *
     * <p>When every owner waits, the last one to start waiting is told {@link Wake#NEVER} and the
     * others wait on for what it does next.
     */
    public Wake awaitChange(String owner, long seen, Duration bound) {
        return awaitChange(owner, seen, bound, false);
    }

    /**
     * As {@link #awaitChange(String, long, Duration)}; with {@code takesTurns}, the wait is one of a
     * failure that fails just the same whatever the owner's code does, where the board cannot tell
     * whose code is at fault: when every owner waits, such owners are told {@link Wake#NEVER} in
     * turn, the one told least recently first. Other waits (for a type another owner writes) stop
     * the last owner to wait, as before, since its own code is what keeps it waiting.
     */
    public Wake awaitChange(String owner, long seen, Duration bound, boolean takesTurns) {
        return awaitChange(owner, seen, bound, takesTurns, false);
    }

    /**
     * As {@link #awaitChange(String, long, Duration, boolean)}; with {@code afterAnother}, the owner
     * waits for the next code of another owner that was sent a failure they share, and wakes
     * ({@link Wake#CHANGED}) also when another owner publishes the same code again: that turn
     * changed nothing, and the next may be this owner's. Found on Apache Commons Text, where the
     * right {@code IllegalArgumentExceptions} was sent the wrong path fence's failure first and
     * answered with the same code ten times while the path fence waited for a change that never
     * came.
     */
    public Wake awaitChange(String owner, long seen, Duration bound, boolean takesTurns, boolean afterAnother) {
        long deadline = deadline(bound);
        synchronized (lock) {
            waiting.put(owner, seen);
            waitingThreads.put(owner, Thread.currentThread());
            boolean asleep = false;
            if (takesTurns) {
                turnTakers.add(owner);
            }
            if (afterAnother) {
                afterAnothersTurn.add(owner);
            }
            lock.notifyAll();
            try {
                while (newestChangeNotBy(owner) <= seen && !turnEnded.remove(owner)) {
                    if (owner.equals(turn)) {
                        turn = null;
                        return Wake.NEVER;
                    }
                    if (turn == null && !anyoneElseCanPublish(owner)) {
                        String next = nextToBeTold(owner);
                        lastNever.put(next, ++nevers);
                        if (next.equals(owner)) {
                            return Wake.NEVER;
                        }
                        turn = next;
                        lock.notifyAll();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Wake.TIMED_OUT;
                    }
                    if (!asleep) {
                        asleep = true;
                        writers.idle(Thread.currentThread());
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
                return Wake.CHANGED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for other tasks' code", e);
            } finally {
                waiting.remove(owner);
                waitingThreads.remove(owner);
                turnTakers.remove(owner);
                afterAnothersTurn.remove(owner);
                turnEnded.remove(owner);
                if (owner.equals(turn)) {
                    // It woke another way first: the turn is nobody's until the next owner finds everyone waiting.
                    turn = null;
                }
            }
        }
    }

    /**
     * Of the owner and the others that wait with nothing else to wait for, the one told
     * {@link Wake#NEVER} least recently; the owner itself on a tie.
     */
    private String nextToBeTold(String owner) {
        String next = owner;
        if (!turnTakers.contains(owner)) {
            return next;
        }
        long nextAt = lastNever.getOrDefault(owner, 0L);
        for (String other : new TreeSet<>(turnTakers)) {
            long at = lastNever.getOrDefault(other, 0L);
            if (!other.equals(owner) && stillWaits(other) && !anyoneElseCanPublish(other) && at < nextAt) {
                next = other;
                nextAt = at;
            }
        }
        return next;
    }

    /** Whether the owner waits for a change now, for tests. */
    boolean waiting(String owner) {
        synchronized (lock) {
            return waiting.containsKey(owner);
        }
    }

    /** The active owners this owner's wait could still be ended by, sorted: for saying whom it waited for. */
    public List<String> writersFor(String owner) {
        synchronized (lock) {
            Collection<String> enclosing = enclosing(owner);
            return List.copyOf(new TreeSet<>(active.stream()
                    .filter(other -> !other.equals(owner) && !enclosing.contains(other)).toList()));
        }
    }

    private static long deadline(Duration bound) {
        long now = System.nanoTime();
        long nanos = bound.compareTo(Duration.ofDays(365 * 100L)) > 0 ? Long.MAX_VALUE / 2 : bound.toNanos();
        return now + nanos;
    }

    private long newestChangeNotBy(String owner) {
        return lastAuthor.equals(owner) ? lastByAnotherAuthor : version;
    }

    private boolean anyoneElseCanPublish(String owner) {
        Collection<String> enclosing = enclosing(owner);
        for (String other : active) {
            if (!other.equals(owner) && !enclosing.contains(other) && !stillWaits(other)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the owner waits and nothing has ended its wait yet: one that was woken will check again. */
    private boolean stillWaits(String owner) {
        if (owner.equals(turn)) {
            return false;
        }
        Long seen = waiting.get(owner);
        return seen != null && newestChangeNotBy(owner) <= seen;
    }

    private boolean mayPublish(String owner, CodeUnit unit) {
        String claimant = typeOwners.get(unit.qualifiedName());
        return claimant == null || claimant.equals(taskOf(owner));
    }

    /** A type whose owning task has no published unit of it any more may be written by anyone. */
    private void freeUnpublishedTypes() {
        Set<String> onBoard = new HashSet<>();
        published.forEach((name, entry) -> entry.units()
                .forEach(unit -> onBoard.add(taskOf(name) + " " + unit.qualifiedName())));
        typeOwners.entrySet().removeIf(e -> !onBoard.contains(e.getValue() + " " + e.getKey()));
    }

    /** {@code calc} for {@code calc/stack/array}: the task whose types its parts write. */
    private static String taskOf(String owner) {
        int slash = owner.indexOf('/');
        return slash < 0 ? owner : owner.substring(0, slash);
    }

    /** {@code calc} and {@code calc/stack} for {@code calc/stack/array}: they publish only after it ends. */
    private static Collection<String> enclosing(String owner) {
        List<String> names = new ArrayList<>();
        int slash = owner.indexOf('/');
        while (slash >= 0) {
            names.add(owner.substring(0, slash));
            slash = owner.indexOf('/', slash + 1);
        }
        return names;
    }

    /**
     * Tells {@code writers} which threads write a candidate as waits begin and end: a thread that
     * falls asleep waiting writes nothing, and a thread whose wait a change ends writes again from
     * that change on, before it wakes (it goes on to check and send its own code), so that a round
     * the change starts gathers it. A wait that ends without sleeping (the board had changed
     * already, or it is the owner's turn) changes nothing.
     */
    public void tellWriters(CandidateWriters writers) {
        this.writers = writers;
    }

    /**
     * Ends every owner's wait: something outside the board changed what their checks see (the
     * in-process compile learned that the build generates a type they wait for), so each checks again.
     */
    public void changedOutside() {
        synchronized (lock) {
            changed(OUTSIDE);
        }
    }

    /** The author of {@link #changedOutside}: no owner's name, since those come from task names. */
    private static final String OUTSIDE = "\u0000outside";

    /** Records a change made by {@code author}, which ends the waits of every other owner. */
    private void changed(String author) {
        if (!author.equals(lastAuthor)) {
            lastByAnotherAuthor = version;
            lastAuthor = author;
        }
        version++;
        waitingThreads.forEach((owner, thread) -> {
            if (!owner.equals(author)) {
                writers.writing(thread);
            }
        });
        lock.notifyAll();
    }
}
