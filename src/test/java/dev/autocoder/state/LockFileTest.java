package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockFileTest {

    @TempDir
    Path dir;

    private static final String MONEY = "package com.example;\r\n\n/** <Money> & \"cents\" ü */\nclass Money {}\n";

    private static final Fingerprint GENERATION = Fingerprint.builder().put("spec", "Money adds")
            .put("model", "gpt-4o-mini").build();
    private static final Fingerprint VERIFICATION = Fingerprint.builder().put("java", "17")
            .put("main:src/main/java:com/example/Greeting.java", "class Greeting {}").build();

    private static LockFile sample() {
        LockFile lock = LockFile.empty().with(Entry.of("default", "zeta", GENERATION, VERIFICATION,
                List.of(new CodeUnit("", "Z", "class Z {}", false))));
        return lock.with(Entry.of("default", "money-utils", GENERATION, VERIFICATION, List.of(
                new CodeUnit("com.example", "MoneyTest", "class MoneyTest {}", true),
                new CodeUnit("com.example", "Money", MONEY, false))));
    }

    private static Entry entry(String execution, String task) {
        return Entry.of(execution, task, GENERATION, VERIFICATION, List.of(new CodeUnit("", "T", "class T {}", false)));
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
        assertTrue(text.startsWith("{\n  \"format\": 2,\n  \"tasks\": [\n"), text);
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

        Entry entry = LockFile.read(file).entry("default", "money-utils").orElseThrow();

        assertEquals(sample().entry("default", "money-utils").orElseThrow(), entry);
        assertEquals(GENERATION, entry.generation());
        assertEquals(VERIFICATION, entry.verification());
        assertEquals(List.of("com/example/Money.java", "com/example/MoneyTest.java"),
                entry.files().stream().map(LockedFile::path).toList());
        assertTrue(LockFile.read(file).entry("default", "absent").isEmpty());
        assertTrue(LockFile.read(file).entry("other", "money-utils").isEmpty());
    }

    @Test
    void missingFileReadsAsEmpty() throws IOException {
        assertTrue(LockFile.read(dir.resolve("none.json")).entries().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"format\": 1, \"tasks\": [ {\"task\": 3", "", "[]",
        "{\"format\": 3, \"tasks\": []}", "{\"format\": 1, \"tasks\": {}}",
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
        Entry entry = sample().entry("default", "money-utils").orElseThrow();
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
            Entry entry = new Entry("default", "bad", fingerprint, fingerprint, List.of(
                    new LockedFile(Root.MAIN, "ok/Fine.java", "class Fine {}"),
                    new LockedFile(Root.MAIN, path, "class Evil {}")));

            LockFile.LockFileException error = assertThrows(LockFile.LockFileException.class,
                    () -> LockFile.restore(entry, main, dir.resolve("gen/test")), path);

            assertTrue(error.getMessage().contains("'" + path + "'"), error.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("evil.java")));
        assertFalse(Files.exists(main.resolve("ok/Fine.java")), "nothing written from a bad entry");
    }

    @Test
    void aFormatOneFileIsReadAsTheDefaultExecutionWithItsInputsSplitIntoTheTwoFingerprints() throws IOException {
        Map<String, String> inputs = new TreeMap<>(Map.of("spec", "a1", "context", "c1", "model", "m1",
                "plugin", "p1", "main:src/main/java:com/example/Greeting.java", "g1"));
        Path file = dir.resolve("lock.json");
        Files.writeString(file, "{\"format\": 1, \"tasks\": [{\"task\": \"money\", \"fingerprint\": \""
                + Fingerprint.of(inputs).value() + "\", \"inputs\": " + new Gson().toJson(inputs)
                + ", \"files\": [{\"root\": \"main\", \"path\": \"a/Money.java\", \"content\": \"x\"}]}]}");

        Entry entry = LockFile.read(file).entry(LockFile.LEGACY_EXECUTION, "money").orElseThrow();

        assertEquals(Map.of("spec", "a1", LockFile.LEGACY_CONTEXT_INPUT, "c1", "model", "m1"),
                entry.generation().inputs());
        assertEquals(Map.of("plugin", "p1", "main:src/main/java:com/example/Greeting.java", "g1"),
                entry.verification().inputs());
        assertEquals(List.of("a/Money.java"), entry.files().stream().map(LockedFile::path).toList());
    }

    @Test
    void aFormatWrittenByANewerVersionIsRefusedSayingSo() throws IOException {
        Path file = dir.resolve("lock.json");
        Files.writeString(file, "{\"format\": 3, \"tasks\": []}");

        LockFile.LockFileException error = assertThrows(LockFile.LockFileException.class, () -> LockFile.read(file));

        assertTrue(error.getMessage().contains("format 3") && error.getMessage().contains("newer autocoder"),
                error.getMessage());
    }

    @Test
    void aFingerprintThatDoesNotMatchItsInputsIsRefused() throws IOException {
        Path file = dir.resolve("lock.json");
        sample().write(file);
        Files.writeString(file, Files.readString(file).replace(GENERATION.value(), "0".repeat(64)));

        assertThrows(LockFile.LockFileException.class, () -> LockFile.read(file));
    }

    @Test
    void anExecutionWithoutEntriesAdoptsTheDefaultOnesAndOnlyThen() {
        LockFile lock = LockFile.empty().with(entry("default", "alpha")).with(entry("default", "beta"))
                .with(entry("other", "gamma"));

        LockFile adopted = lock.adopting("default", "autocoder");

        assertEquals(List.of("alpha", "beta"), adopted.entries("autocoder").stream().map(Entry::task).toList());
        assertEquals(List.of(), adopted.entries("default"));
        assertEquals(List.of("gamma"), adopted.entries("other").stream().map(Entry::task).toList());
        assertEquals(adopted.entries(), adopted.adopting("default", "autocoder").entries(), "nothing left to move");
        assertEquals(lock.entries(), lock.adopting("default", "other").entries(), "other has entries of its own");
    }

    @Test
    void twoExecutionsKeepTheirEntriesForTheSameTaskNameApart() {
        LockFile lock = LockFile.empty().with(entry("default", "prompt")).with(entry("second", "prompt"))
                .with(entry("second", "gone"));

        LockFile retained = lock.retaining("second", Set.of("prompt"));

        assertEquals(List.of("default/prompt", "second/prompt"), retained.entries().stream()
                .map(entry -> entry.execution() + "/" + entry.task()).toList());
        assertEquals(List.of("prompt", "gone").size(), lock.entries("second").size());
    }

    @Test
    void updatesFromManyThreadsAtOnceKeepEveryEntry() throws Exception {
        Path file = dir.resolve("lock.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LockFile>> updates = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Entry entry = entry("default", "task-" + i);
                updates.add(pool.submit(() -> LockFile.update(file, lock -> lock.with(entry))));
            }
            for (Future<LockFile> update : updates) {
                update.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(40, LockFile.read(file).entries("default").size());
    }

    @Test
    void anUpdateThatChangesNoEntryLeavesTheFileAsItWas() throws IOException {
        Path file = dir.resolve("lock.json");
        Map<String, String> inputs = Map.of("spec", "a1");
        String formatOne = "{\"format\": 1, \"tasks\": [{\"task\": \"money\", \"fingerprint\": \""
                + Fingerprint.of(inputs).value() + "\", \"inputs\": {\"spec\": \"a1\"}, \"files\": []}]}";
        Files.writeString(file, formatOne);

        LockFile.update(file, lock -> lock.retaining(LockFile.LEGACY_EXECUTION, Set.of("money")));

        assertEquals(formatOne, Files.readString(file));
    }

    @Test
    void aReverifiedEntryKeepsItsCodeUnderTheNewFingerprints() {
        Entry entry = sample().entry("default", "money-utils").orElseThrow();
        Fingerprint generation = Fingerprint.builder().put("spec", "Money adds").build();
        Fingerprint verification = Fingerprint.builder().put("java", "21").build();

        Entry reverified = entry.reverified(generation, verification);

        assertEquals(entry.files(), reverified.files());
        assertEquals(generation, reverified.generation());
        assertEquals(verification, reverified.verification());
    }
}
