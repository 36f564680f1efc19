package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void lockHeldByAnotherProcessIsRefused() throws Exception {
        Path folder = dir.resolve("exec");
        Files.createDirectories(folder);
        Path holder = dir.resolve("Holder.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                class Holder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                             var lock = channel.lock()) {
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), holder.toString(), folder.resolve(".lock").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertEquals("locked", new BufferedReader(new InputStreamReader(
                    other.getInputStream(), StandardCharsets.UTF_8)).readLine());

            assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(folder));
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }
        try (RunLock free = RunLock.acquire(folder)) {
            assertTrue(Files.exists(folder.resolve(".lock")));
        }
    }

    @Test
    void secondRunLockOnTheSameFolderIsRefusedUntilReleased() throws IOException {
        Path folder = dir.resolve("exec");
        try (RunLock first = RunLock.acquire(folder)) {
            RunLock.HeldException held = assertThrows(RunLock.HeldException.class,
                    () -> RunLock.acquire(folder));
            assertTrue(held.getMessage().contains(folder.resolve(".lock").toString()),
                    held.getMessage());
        }

        try (RunLock again = RunLock.acquire(folder)) {
            assertTrue(Files.exists(folder.resolve(".lock")));
        }
    }
}
