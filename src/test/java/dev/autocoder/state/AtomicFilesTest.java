package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("sub/state.json");
        AtomicFiles.writeString(target, "first");

        AtomicFiles.writeString(target, "second ünïcode");

        assertEquals("second ünïcode", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writesBytesExactly() throws IOException {
        byte[] bytes = {0, 1, (byte) 0xff, '\r', '\n'};

        AtomicFiles.write(dir.resolve("raw.bin"), bytes);

        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("raw.bin")));
    }
}
