package dev.autocoder.verify;

import dev.autocoder.project.Dependency;
import dev.autocoder.project.ProjectLayout;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The project's two classpaths as javac sees them, kept open for a whole run. A javac file manager
 * reads the index of every jar on its classpath the first time it looks for a class, and a
 * Spring Boot service has some sixty: opening them again for every compile of every round is work
 * that cannot change a verdict. So each classpath's file managers are lent to one compile at a
 * time and taken back after it, as {@link StandardJavaFileManager} allows for compiles that follow
 * one another; concurrent compiles get one each. The dependencies do not change during a run, and
 * class folders (another module's {@code target/classes}) are listed afresh by javac at each
 * compile. {@link #close} closes them all; so does the garbage collector's cleaner when the
 * compiler that owns them is gone without that.
 */
final class Classpaths implements AutoCloseable {

    /** File managers kept per classpath beyond those in use: as many as compiles usually run at once. */
    private static final int KEPT = 4;

    private final JavaCompiler compiler;
    private final ProjectLayout layout;
    private final boolean keepOpen;
    private final Deque<StandardJavaFileManager> main = new ArrayDeque<>();
    private final Deque<StandardJavaFileManager> test = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param keepOpen whether a file manager is kept for the next compile; false opens and closes
     *     one per compile, as before (what a benchmark compares against)
     */
    Classpaths(JavaCompiler compiler, ProjectLayout layout, boolean keepOpen) {
        this.compiler = compiler;
        this.layout = layout;
        this.keepOpen = keepOpen;
    }

    /** A file manager over the main classpath ({@code tests} false) or the test classpath, for one compile. */
    StandardJavaFileManager borrow(boolean tests) {
        synchronized (this) {
            StandardJavaFileManager kept = (tests ? test : main).pollFirst();
            if (kept != null) {
                return kept;
            }
        }
        return open(tests);
    }

    /** Takes back a file manager {@link #borrow} lent, for the next compile on that classpath. */
    void giveBack(boolean tests, StandardJavaFileManager files) {
        synchronized (this) {
            Deque<StandardJavaFileManager> idle = tests ? test : main;
            if (keepOpen && !closed && idle.size() < KEPT) {
                idle.addFirst(files);
                return;
            }
        }
        closeQuietly(files);
    }

    private StandardJavaFileManager open(boolean tests) {
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
        List<File> classpath = layout.dependencies().stream().filter(dep -> tests || dep.onMainClasspath())
                .map(Dependency::file).map(Path::toFile).toList();
        try {
            standard.setLocation(StandardLocation.CLASS_PATH, classpath);
            if (!layout.compiler().processorPath().isEmpty()) {
                standard.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH,
                        layout.compiler().processorPath().stream().map(Path::toFile).toList());
            }
        } catch (IOException e) {
            closeQuietly(standard);
            throw new UncheckedIOException("cannot use the project's classpath", e);
        }
        return standard;
    }

    /** Closes every file manager kept; those still lent are closed when they come back. */
    @Override
    public void close() {
        List<StandardJavaFileManager> idle;
        synchronized (this) {
            closed = true;
            idle = new ArrayList<>(main);
            idle.addAll(test);
            main.clear();
            test.clear();
        }
        idle.forEach(Classpaths::closeQuietly);
    }

    private static void closeQuietly(StandardJavaFileManager files) {
        try {
            files.close();
        } catch (IOException e) {
            // Closing releases open jars; one that cannot be closed holds nothing a verdict needs.
        }
    }
}
