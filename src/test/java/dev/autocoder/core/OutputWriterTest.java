package dev.autocoder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.state.Fingerprint;
import dev.autocoder.state.LockFile;
import dev.autocoder.verify.CodeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path target;

    @Test
    void mainAndTestUnitsGoToTheirRootsAndStaleFilesAreRemoved() throws Exception {
        Path main = target.resolve("generated-sources");
        Path test = target.resolve("generated-test-sources");
        Files.createDirectories(main.resolve("old"));
        Files.writeString(main.resolve("old/Stale.java"), "class Stale {}");
        OutputWriter writer = new OutputWriter(main, test);

        List<Path> written = writer.replaceAll(List.of(new CodeUnit("a.b", "Money", "package a.b;\n", false),
                new CodeUnit("a.b", "MoneyTest", "package a.b;\n", true)));

        assertEquals(List.of(main.resolve("a/b/Money.java"), test.resolve("a/b/MoneyTest.java")), written);
        assertTrue(Files.isRegularFile(test.resolve("a/b/MoneyTest.java")));
        assertFalse(Files.exists(main.resolve("old/Stale.java")));
    }

    @Test
    void aUnitCannotBeNamedSoThatItsPathLeavesTheOutputFolder() {
        assertThrows(IllegalArgumentException.class, () -> new CodeUnit("..", "Evil", "", false));
        assertThrows(IllegalArgumentException.class, () -> new CodeUnit("a", "../Evil", "", false));
        assertThrows(IllegalArgumentException.class, () -> new CodeUnit("a//b", "Evil", "", false));
        assertThrows(IllegalArgumentException.class, () -> new CodeUnit("com.class", "Money", "", false));
        assertThrows(IllegalArgumentException.class, () -> new CodeUnit("a", "enum", "", false));
    }

    @Test
    void aLockFileEntryWithAPathOutsideTheOutputFolderIsAConfigurationError() {
        Fingerprint fingerprint = Fingerprint.builder().put("spec", "x").build();
        LockFile.Entry entry = new LockFile.Entry("default", "evil", fingerprint, fingerprint,
                List.of(new LockFile.LockedFile(LockFile.Root.MAIN, "../../etc/Evil.java", "class Evil {}")));

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> LockedUnits.of(entry));

        assertEquals("lockFile", error.parameter());
        assertTrue(error.getMessage().contains("../../etc/Evil.java"));
    }
}
