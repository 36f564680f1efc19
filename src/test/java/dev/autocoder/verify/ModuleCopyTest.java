package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** A sub-build module's copy of the real module, and the effective POM's paths moved into it; no Maven run. */
class ModuleCopyTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheModuleButItsBuildFolderVersionControlAndWhatElseIsLeftOut() throws Exception {
        Path base = dir.resolve("R&D <shop>");
        write(base.resolve("pom.xml"), "<project/>");
        write(base.resolve("src/main/java/com/acme/A.java"), "class A {}");
        write(base.resolve("src/test/resources/data.txt"), "42");
        write(base.resolve("target/classes/com/acme/A.class"), "stale");
        write(base.resolve(".git/HEAD"), "ref: refs/heads/main");
        write(base.resolve("src/.idea/workspace.xml"), "<x/>");
        write(base.resolve(".autocoder-state/journal.jsonl"), "{}");
        Path copy = dir.resolve("work/c0");

        ModuleCopy.Copied copied = new ModuleCopy(base, base.resolve("target"), List.of(base.resolve(".autocoder-state")))
                .copyTo(copy);

        assertEquals("42", Files.readString(copy.resolve("src/test/resources/data.txt")));
        assertEquals("class A {}", Files.readString(copy.resolve("src/main/java/com/acme/A.java")));
        assertTrue(Files.isRegularFile(copy.resolve("pom.xml")));
        assertFalse(Files.exists(copy.resolve("target")), "the build folder is the sub-build's own");
        assertFalse(Files.exists(copy.resolve(".git")));
        assertFalse(Files.exists(copy.resolve("src/.idea")), "IDE folders are left out wherever they are");
        assertFalse(Files.exists(copy.resolve(".autocoder-state")), "the plugin's state stays out");
        assertEquals(3, copied.files());
    }

    /**
     * Another module's copy (a dependent the final check builds) leaves out its own build folder,
     * and what this module's copy leaves out should it lie in that module's folder: a root module
     * whose folder holds this one must not copy this module's build folder, with the sub-build being
     * written in it, nor the state folder.
     */
    @Test
    void anotherModulesCopyLeavesOutWhatThisOnesLeavesOut() throws Exception {
        Path root = dir.resolve("shop");
        Path module = root.resolve("pricing");
        write(root.resolve("pom.xml"), "<project/>");
        write(root.resolve("src/main/java/com/acme/Desk.java"), "class Desk {}");
        write(root.resolve("target/classes/Desk.class"), "stale");
        write(module.resolve("src/main/java/com/acme/Price.java"), "class Price {}");
        write(module.resolve("target/autocoder/subbuild/build-1/pom.xml"), "<project/>");
        write(module.resolve(".autocoder-state/journal.jsonl"), "{}");
        ModuleCopy own = new ModuleCopy(module, module.resolve("target"), List.of(module.resolve(".autocoder-state")));
        Path copy = dir.resolve("work/c0-d0");

        ModuleCopy.Copied copied = own.ofAnother(root, root.resolve("target")).copyTo(copy);

        assertTrue(Files.isRegularFile(copy.resolve("src/main/java/com/acme/Desk.java")));
        assertTrue(Files.isRegularFile(copy.resolve("pricing/src/main/java/com/acme/Price.java")));
        assertFalse(Files.exists(copy.resolve("target")), "its own build folder");
        assertFalse(Files.exists(copy.resolve("pricing/target")), "this module's build folder, with the sub-builds");
        assertFalse(Files.exists(copy.resolve("pricing/.autocoder-state")), "this module's state");
        assertEquals(3, copied.files());
    }

    @Test
    void movesEveryPathBelowTheModuleIntoTheCopyInTheDecodedTextOfThePom() throws Exception {
        Path base = dir.resolve("R&D <shop>").toAbsolutePath();
        Path copy = dir.resolve("work/build-1/c0").toAbsolutePath();
        ModuleCopy moduleCopy = new ModuleCopy(base, base.resolve("out"), List.of());
        String pom = """
                <project>
                  <build>
                    <directory>%1$s/out</directory>
                    <outputDirectory>%1$s/out/classes</outputDirectory>
                    <sourceDirectory>%1$s/src/main/java</sourceDirectory>
                    <plugins><plugin><configuration>
                      <workingDirectory>%1$s</workingDirectory>
                      <argLine>-javaagent:%1$s/out/agent.jar -Ddata=%1$s/data,%1$s-other/x</argLine>
                      <dotGitDirectory>%1$s/.git</dotGitDirectory>
                      <script><![CDATA[echo %2$s/gen]]></script>
                      <target><echo file="%1$s/generated-stamp.txt" message="stamped"/></target>
                    </configuration></plugin></plugins>
                  </build>
                </project>
                """.formatted(escaped(base.toString()), base);
        String moved = moduleCopy.moveInto(pom, copy);

        // Read back as a DOM: the assertions look at what any XML reader sees in the moved POM.
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(moved.getBytes(StandardCharsets.UTF_8)));
        assertEquals(copy + "/target", text(document, "directory"), "the build folder is the copy's target");
        assertEquals(copy + "/target/classes", text(document, "outputDirectory"));
        assertEquals(copy + "/src/main/java", text(document, "sourceDirectory"));
        assertEquals(copy.toString(), text(document, "workingDirectory"), "tests run in the copy");
        assertEquals("-javaagent:" + copy + "/target/agent.jar -Ddata=" + copy + "/data," + base + "-other/x",
                text(document, "argLine"), "a sibling folder whose name only starts like the module's stays");
        assertEquals(base + "/.git", text(document, "dotGitDirectory"), "version control is read where it is");
        assertEquals("echo " + copy + "/gen", text(document, "script"));
        assertEquals(copy + "/generated-stamp.txt", ((org.w3c.dom.Element) document.getElementsByTagName("echo").item(0))
                .getAttribute("file"), "a plugin's own XML keeps paths in attributes");
        assertEquals(Optional.of(copy.resolve("src/main/java")), moduleCopy.moved(base.resolve("src/main/java"), copy));
        assertEquals(Optional.empty(), moduleCopy.moved(dir.resolve("elsewhere"), copy));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String text(Document document, String tag) {
        return document.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
