package dev.autocoder.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on an execution's state folder, so that two builds of the same module never
 * work on the same states at once. The operating system frees it when the process dies.
 */
public final class RunLock implements AutoCloseable {

    /** Thrown when another build (or another execution in this one) holds the lock. */
    public static final class HeldException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        HeldException(Path file) {
            super("another build is already generating with the state in " + file.getParent()
                    + " (it holds " + file + "); wait for it to finish, or give this execution"
                    + " its own execution id");
        }
    }

    /**
     * Lock files this JVM holds. Checked before opening a second channel because on POSIX systems
     * closing any channel to a file drops every lock the process has on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock file {@code .lock} in the given folder without waiting.
     *
     * @throws HeldException when someone else holds it
     */
    public static RunLock acquire(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(".lock").toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw new HeldException(file);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new HeldException(file);
                }
                return new RunLock(file, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            HELD.remove(file);
        }
    }
}
