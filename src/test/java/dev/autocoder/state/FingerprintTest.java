package dev.autocoder.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    private Path project(String name) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("src/test/java/x"));
        Files.writeString(root.resolve("src/test/java/x/MoneyTest.java"), "class MoneyTest {}");
        Files.writeString(root.resolve("src/test/java/x/Other.java"), "class Other {}");
        return root;
    }

    @Test
    void sameInputsInAnyOrderGiveTheSameValue() {
        Fingerprint one = Fingerprint.builder().put("spec money-utils", "Money adds")
                .put("model", "gpt-4o-mini").build();
        Fingerprint two = Fingerprint.builder().put("model", "gpt-4o-mini")
                .put("spec money-utils", "Money adds").build();

        assertEquals(one, two);
        assertEquals(64, one.value().length());
    }

    @Test
    void sameFilesInDifferentFoldersGiveTheSameValue() throws IOException {
        Fingerprint here = Fingerprint.builder()
                .putFiles("tests", project("machine-a").resolve("src/test/java")).build();
        Fingerprint there = Fingerprint.builder()
                .putFiles("tests", project("machine-b").resolve("src/test/java")).build();

        assertEquals(here, there);
        assertEquals(List.of("tests:x/MoneyTest.java", "tests:x/Other.java"),
                List.copyOf(here.inputs().keySet()));
    }

    @Test
    void changedFileChangesTheValueAndIsNamed() throws IOException {
        Path root = project("p").resolve("src/test/java");
        Fingerprint before = Fingerprint.builder().put("spec money-utils", "Money adds")
                .putFiles("tests", root).putFile("checkstyle", root.resolve("none.xml")).build();
        Files.writeString(root.resolve("x/MoneyTest.java"), "class MoneyTest { int changed; }");

        Fingerprint after = Fingerprint.builder().put("spec money-utils", "Money adds")
                .putFiles("tests", root).putFile("checkstyle", root.resolve("none.xml")).build();

        assertNotEquals(before.value(), after.value());
        assertEquals(List.of("tests:x/MoneyTest.java changed"), after.changesSince(before));
    }

    @Test
    void describesAddedRemovedAndChangedInputs() {
        Fingerprint before = Fingerprint.builder().put("spec money-utils", "a").put("model", "m")
                .build();
        Fingerprint after = Fingerprint.builder().put("spec money-utils", "b").put("prompt", "p")
                .build();

        assertEquals(List.of("model removed", "prompt added", "spec money-utils changed"),
                Fingerprint.describeChanges(before.inputs(), after.inputs()));
    }

    @Test
    void sameNameTwiceIsRefused() {
        Fingerprint.Builder builder = Fingerprint.builder().put("model", "a");

        assertThrows(IllegalArgumentException.class, () -> builder.put("model", "b"));
    }

    @Test
    void aFingerprintOfKnownDigestsEqualsTheOneBuiltFromTheInputs() {
        Fingerprint built = Fingerprint.builder().put("spec", "Money adds").put("java", "17").build();

        assertEquals(built, Fingerprint.of(built.inputs()));
    }

    @Test
    void aSelectionIsTheFingerprintOfOnlyTheSelectedInputs() {
        Fingerprint all = Fingerprint.builder().put("spec", "Money adds").put("java", "17").put("model", "m")
                .build();

        Fingerprint selected = all.select(name -> !name.equals("java"));

        assertEquals(Fingerprint.builder().put("spec", "Money adds").put("model", "m").build(), selected);
    }
}
