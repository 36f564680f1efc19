package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.autocoder.project.ProjectLayout;
import java.nio.file.Path;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which javac file manager each compile gets: kept from the last compile on that classpath, or opened. */
class ClasspathsTest {

    @TempDir
    Path dir;

    @Test
    void aCompileGetsTheFileManagerTheLastCompileOnThatClasspathGaveBack() {
        ProjectLayout layout = new TestProject(dir).layout();
        try (Classpaths classpaths = new Classpaths(ToolProvider.getSystemJavaCompiler(), layout, true)) {
            StandardJavaFileManager main = classpaths.borrow(false);
            StandardJavaFileManager concurrent = classpaths.borrow(false);
            StandardJavaFileManager test = classpaths.borrow(true);
            assertNotSame(main, concurrent, "two compiles at once never share one");
            classpaths.giveBack(false, main);
            classpaths.giveBack(true, test);

            assertSame(main, classpaths.borrow(false), "the main classpath's, kept open");
            assertSame(test, classpaths.borrow(true), "the test classpath's, which has the test-scoped jars");
        }
    }

    @Test
    void withoutKeepingEachCompileOpensItsOwn() {
        ProjectLayout layout = new TestProject(dir).layout();
        try (Classpaths classpaths = new Classpaths(ToolProvider.getSystemJavaCompiler(), layout, false)) {
            StandardJavaFileManager first = classpaths.borrow(false);
            classpaths.giveBack(false, first);

            assertNotSame(first, classpaths.borrow(false));
        }
    }

    @Test
    void afterCloseNothingIsKept() {
        ProjectLayout layout = new TestProject(dir).layout();
        Classpaths classpaths = new Classpaths(ToolProvider.getSystemJavaCompiler(), layout, true);
        StandardJavaFileManager lent = classpaths.borrow(false);
        classpaths.close();
        classpaths.giveBack(false, lent);

        assertNotSame(lent, classpaths.borrow(false), "given back after close, it was closed, not kept");
    }
}
