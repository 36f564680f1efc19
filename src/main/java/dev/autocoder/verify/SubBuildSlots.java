package dev.autocoder.verify;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many sub-builds may run at once, JVM-wide. A sub-build is a Maven JVM plus a test JVM: on a
 * small machine two at once only slow each other down, on a large one they finish a run sooner.
 *
 * <p>The limit is one static {@link Semaphore}, sized by the first run in the JVM that asks for
 * it, as {@code ModelGate} does for model requests: modules built with {@code mvn -T} run in one
 * JVM and one plugin realm, so they share it, and a reactor of four modules on two cores runs one
 * sub-build at a time, not four.
 */
public final class SubBuildSlots {

    /** Memory one sub-build is given room for: Maven's heap (1 GiB by default here) and a test JVM. */
    static final long MEMORY_PER_SUB_BUILD = 2L << 30;

    private static SubBuildSlots shared;

    private final Semaphore permits;
    private final int size;

    SubBuildSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one sub-build must be allowed to run, got " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /**
     * The JVM's slots: {@code size} sub-builds at once, or the first size asked for in this JVM when
     * another run asked first (say so with {@link #size()}).
     */
    public static synchronized SubBuildSlots shared(int size) {
        if (shared == null) {
            shared = new SubBuildSlots(size);
        }
        return shared;
    }

    /** The default for this machine: {@link #derived} from its processors and physical memory. */
    public static int machineDefault() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        return derived(Runtime.getRuntime().availableProcessors(), memory);
    }

    /**
     * One sub-build per two processors (each keeps about two busy while it compiles and tests), and
     * no more than the memory holds at {@link #MEMORY_PER_SUB_BUILD} each; always at least one.
     */
    static int derived(int processors, long memoryBytes) {
        long byMemory = memoryBytes / MEMORY_PER_SUB_BUILD;
        return (int) Math.max(1, Math.min(processors / 2, byMemory));
    }

    /** How many sub-builds run at once. */
    public int size() {
        return size;
    }

    /** Runs one sub-build's work once a slot is free, and frees the slot after it. */
    public <T> T run(Supplier<T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free sub-build slot", e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
