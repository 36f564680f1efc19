package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 */
public final class CandidateBoard {

    private final Object lock = new Object();
    private final Map<String, Entry> published = new LinkedHashMap<>();
    private final Map<String, List<CodeUnit>> attempted = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private final Set<String> waiting = new HashSet<>();
    private long version;
    private long sequence;

    private record Entry(List<CodeUnit> units, long sequence) {
    }

    /** Code verified before this run (restored from the lock file or a stopped run): fixed, never active. */
    public void settle(String owner, List<CodeUnit> units) {
        synchronized (lock) {
            published.put(owner, new Entry(List.copyOf(units), ++sequence));
            changed();
        }
    }

    /** The owner may publish code from now on; others that need its types wait for it. */
    public void enter(String owner) {
        synchronized (lock) {
            active.add(owner);
            changed();
        }
    }

    /**
     * The owner will publish nothing more. Its published code stays when it ended verified and is
     * withdrawn otherwise, since nothing may be built on code that never verified.
     */
    public void leave(String owner, boolean verified) {
        synchronized (lock) {
            active.remove(owner);
            attempted.remove(owner);
            if (!verified) {
                // Its parts' code goes too: nothing may be built on a task that never verified.
                published.keySet().removeIf(name -> name.equals(owner) || name.startsWith(owner + "/"));
            }
            changed();
        }
    }

    /** Records what the owner just offered, before any check has run. */
    public void attempt(String owner, List<CodeUnit> units) {
        synchronized (lock) {
            attempted.put(owner, List.copyOf(units));
        }
    }

    /** The owner's code passed its fast checks: others compile and test with it from now on. */
    public void publish(String owner, List<CodeUnit> units) {
        synchronized (lock) {
            published.put(owner, new Entry(List.copyOf(units), ++sequence));
            changed();
        }
    }

    /** The code every other owner published, the newest unit winning where two declare one type. */
    public List<CodeUnit> others(String owner) {
        synchronized (lock) {
            Map<String, CodeUnit> newest = new LinkedHashMap<>();
            published.entrySet().stream().filter(e -> !e.getKey().equals(owner))
                    .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Entry::sequence)))
                    .forEach(e -> e.getValue().units().forEach(unit -> newest.put(unit.qualifiedName(), unit)));
            return List.copyOf(newest.values());
        }
    }

    /** What other owners last attempted, for when waiting could never end. */
    public List<CodeUnit> othersAttempted(String owner) {
        synchronized (lock) {
            Map<String, CodeUnit> units = new LinkedHashMap<>();
            others(owner).forEach(unit -> units.put(unit.qualifiedName(), unit));
            attempted.forEach((name, list) -> {
                if (!name.equals(owner)) {
                    list.forEach(unit -> units.put(unit.qualifiedName(), unit));
                }
            });
            return List.copyOf(units.values());
        }
    }

    /** Which owner published the unit of this qualified name, or empty when none did. */
    public java.util.Optional<String> ownerOf(String qualifiedName) {
        synchronized (lock) {
            return published.entrySet().stream()
                    .filter(e -> e.getValue().units().stream().anyMatch(u -> u.qualifiedName().equals(qualifiedName)))
                    .max(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Entry::sequence)))
                    .map(Map.Entry::getKey);
        }
    }

    /** A number that changes whenever code is published or an owner enters or leaves. */
    public long version() {
        synchronized (lock) {
            return version;
        }
    }

    /**
     * Waits until the board changes after {@code seen}, or until no other owner could change it:
     * every other active owner (the owner's own enclosing tasks aside) waits too.
     *
     * @return true when the board changed, false when waiting could never end
     */
    public boolean awaitChange(String owner, long seen) {
        synchronized (lock) {
            waiting.add(owner);
            lock.notifyAll();
            try {
                while (version == seen) {
                    if (!anyoneElseCanPublish(owner)) {
                        return false;
                    }
                    lock.wait();
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for other tasks' code", e);
            } finally {
                waiting.remove(owner);
            }
        }
    }

    private boolean anyoneElseCanPublish(String owner) {
        Collection<String> enclosing = enclosing(owner);
        for (String other : active) {
            if (!other.equals(owner) && !enclosing.contains(other) && !waiting.contains(other)) {
                return true;
            }
        }
        return false;
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

    private void changed() {
        version++;
        lock.notifyAll();
    }
}
