package dev.autocoder.context;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Reads Java sources with the JDK's own parser, parse only: no classpath, no symbols, and syntax
 * errors tolerated, since the consuming project's code may be mid-edit.
 */
final class JavaSources {

    private JavaSources() {
    }

    /** The compilation units of {@code files}, in the same order. */
    static List<CompilationUnitTree> parse(List<ProjectFile> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run Maven on a JDK, not a JRE");
        }
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            sources.add(new InMemorySource(i, files.get(i).text()));
        }
        // diagnostics are collected and dropped: a broken file still yields a partial tree
        JavacTask task = (JavacTask) compiler.getTask(null, null, new DiagnosticCollector<>(),
                List.of("-proc:none"), null, sources);
        try {
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse project sources", e);
        }
    }

    /**
     * How often each simple name occurs in the unit's code: identifiers and the last part of qualified
     * names. Imports, comments and literals do not count, nor do annotation names ({@code @Test} says
     * nothing about the subject of a test).
     */
    static Map<String, Integer> nameCounts(CompilationUnitTree unit) {
        Map<String, Integer> counts = new TreeMap<>();
        TreeScanner<Void, Void> scanner = new TreeScanner<>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                counts.merge(node.getName().toString(), 1, Integer::sum);
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void unused) {
                counts.merge(node.getIdentifier().toString(), 1, Integer::sum);
                return super.visitMemberSelect(node, unused);
            }

            @Override
            public Void visitAnnotation(AnnotationTree node, Void unused) {
                return scan(node.getArguments(), unused);
            }
        };
        for (Tree type : unit.getTypeDecls()) {
            scanner.scan(type, null);
        }
        return counts;
    }

    /** A source held in memory; the name only has to be unique and well-formed for javac. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String text;

        InMemorySource(int index, String text) {
            super(URI.create("string:///Source" + index + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
