package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.state.LockFile.Entry;
import dev.autocoder.state.LockFile.LockedFile;
import dev.autocoder.state.LockFile.Root;
import dev.autocoder.verify.CodeUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockFileTest {

    @TempDir
    Path dir;

    private static final String MONEY = "package com.example;\r\n\n/** <Money> & \"cents\" ü */\nclass Money {}\n";

    private static LockFile sample() {
        Fingerprint fingerprint = Fingerprint.builder().put("spec money-utils", "Money adds")
                .put("model", "gpt-4o-mini").build();
        LockFile lock = LockFile.empty().with(Entry.of("zeta", fingerprint,
                List.of(new CodeUnit("", "Z", "class Z {}", false))));
        return lock.with(Entry.of("money-utils", fingerprint, List.of(
                new CodeUnit("com.example", "MoneyTest", "class MoneyTest {}", true),
                new CodeUnit("com.example", "Money", MONEY, false))));
    }

    @Test
    void rewritingWhatWasReadGivesTheSameBytes() throws IOException {
        Path file = dir.resolve("src/main/autocoder/autocoder.lock.json");
        sample().write(file);
        byte[] first = Files.readAllBytes(file);

        LockFile.read(file).write(file);

        assertArrayEquals(first, Files.readAllBytes(file));
        String text = new String(first, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("}\n"));
        assertFalse(text.contains("\r\n"), "line ends are \\n; a \\r in code stays escaped");
        assertTrue(text.indexOf("\"money-utils\"") < text.indexOf("\"zeta\""));
        assertTrue(text.startsWith("{\n  \"format\": 1,\n  \"tasks\": [\n"), text);
    }

    @Test
    void insertionOrderDoesNotChangeTheBytes() {
        LockFile forward = sample();
        LockFile backward = LockFile.empty();
        List<Entry> entries = new ArrayList<>(forward.entries());
        Collections.reverse(entries);
        for (Entry entry : entries) {
            backward = backward.with(entry);
        }

        assertEquals(forward.toJson(), backward.toJson());
    }

    @Test
    void readBackEntryHasTheFingerprintAndFiles() throws IOException {
        Path file = dir.resolve("lock.json");
        sample().write(file);

        Entry entry = LockFile.read(file).entry("money-utils").orElseThrow();

        assertEquals(sample().entry("money-utils").orElseThrow(), entry);
        assertEquals(List.of("com/example/Money.java", "com/example/MoneyTest.java"),
                entry.files().stream().map(LockedFile::path).toList());
        assertTrue(LockFile.read(file).entry("absent").isEmpty());
    }

    @Test
    void missingFileReadsAsEmpty() throws IOException {
        assertTrue(LockFile.read(dir.resolve("none.json")).entries().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"format\": 1, \"tasks\": [ {\"task\": 3", "", "[]",
        "{\"format\": 2, \"tasks\": []}", "{\"format\": 1, \"tasks\": {}}",
        "{\"format\": 1, \"tasks\": [{\"task\": \"t\"}]}",
        "{\"format\": 1, \"tasks\": [{\"task\": \"t\", \"fingerprint\": \"f\","
                + " \"inputs\": {}, \"files\": [{\"root\": \"docs\", \"path\": \"a\","
                + " \"content\": \"\"}]}]}"})
    void corruptFileIsRefusedNamingTheFile(String content) throws IOException {
        Path file = dir.resolve("lock.json");
        Files.writeString(file, content);

        LockFile.LockFileException error = assertThrows(LockFile.LockFileException.class,
                () -> LockFile.read(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void restoreWritesEveryFileByteForByte() throws IOException {
        Entry entry = sample().entry("money-utils").orElseThrow();
        Path main = dir.resolve("gen/main");
        Path test = dir.resolve("gen/test");

        List<Path> written = LockFile.restore(entry, main, test);

        assertEquals(2, written.size());
        assertArrayEquals(MONEY.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(main.resolve("com/example/Money.java")));
        assertEquals("class MoneyTest {}",
                Files.readString(test.resolve("com/example/MoneyTest.java")));
    }

    @Test
    void restoreRefusesPathsThatLeaveTheOutputFolder() {
        Fingerprint fingerprint = Fingerprint.builder().put("model", "m").build();
        Path main = dir.resolve("gen/main");
        for (String path : List.of("../evil.java", "com/../../evil.java", "/etc/evil.java",
                dir.resolve("abs.java").toString(), "C:/evil.java", "a\\..\\..\\evil.java", "")) {
            Entry entry = new Entry("bad", fingerprint, List.of(
                    new LockedFile(Root.MAIN, "ok/Fine.java", "class Fine {}"),
                    new LockedFile(Root.MAIN, path, "class Evil {}")));

            LockFile.LockFileException error = assertThrows(LockFile.LockFileException.class,
                    () -> LockFile.restore(entry, main, dir.resolve("gen/test")), path);

            assertTrue(error.getMessage().contains("'" + path + "'"), error.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("evil.java")));
        assertFalse(Files.exists(main.resolve("ok/Fine.java")), "nothing written from a bad entry");
    }
}
