package dev.autocoder.verify;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A candidate's code with its behaviour taken out: the same types, members, signatures and
 * annotations, every method body replaced by a throw. A baseline built with this
 * stub instead of the candidate tells whether a test's failure depends on what the candidate's code
 * <em>does</em>, where leaving the candidate out is impossible because the project's or another
 * task's code needs its types. A test that fails just the same with the stub did not fail because
 * of the candidate's behaviour.
 *
 * <p>Constructors, field initializers and initializer blocks stay as they are: they set the state
 * the declarations promise (a final field, a static final field set in a static block), and a
 * container such as Spring constructs every bean when its context starts, whether a test uses it
 * or not, so a throwing constructor would fail every test for a reason of the stub's own. A test
 * that does depend on what the methods do fails differently with the stub (with this class's
 * {@code UnsupportedOperationException}), and stays the candidate's; so does one in whose report a
 * stubbed method shows that it ran ({@link #MARK}), even where the project's code caught the
 * exception and failed the same way as with the candidate (Commons Text wraps any exception of a
 * lookup in one {@code IllegalArgumentException}). The source is parsed with the
 * JDK's own parser (javac's tree API), never by hand.
 */
final class BehaviourStubs {

    /** What a stubbed body prints and throws, so that a test's report shows a stubbed method ran. */
    static final String MARK = "autocoder baseline";

    /**
     * What every stubbed body does: it says on standard error that it ran, which surefire keeps with
     * the test even when the project's code swallows the exception, then throws.
     */
    static final String THROW = "java.lang.System.err.println(\"" + MARK + ": a stubbed method ran\");"
            + " throw new UnsupportedOperationException(\"" + MARK + ": this code's behaviour is left out\");";

    private BehaviourStubs() {
    }

    /** The unit with its behaviour taken out, or empty when its source does not parse. */
    static Optional<CodeUnit> of(CodeUnit unit) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return Optional.empty();
        }
        InProcessCompiler.Named file = new InProcessCompiler.Named(SourceFile.slashes(unit.relativePath()),
                unit.source(), InProcessCompiler.Owner.CANDIDATE);
        List<String> errors = new ArrayList<>();
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> {
            if (diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                errors.add(diagnostic.getMessage(null));
            }
        }, List.of("-proc:none"), null, List.of(file));
        Iterable<? extends CompilationUnitTree> parsed;
        try {
            parsed = task.parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<long[]> bodies = new ArrayList<>();
        for (CompilationUnitTree compilationUnit : parsed) {
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree method, Void nothing) {
                    BlockTree body = method.getBody();
                    if (body == null || method.getName().contentEquals("<init>")) {
                        return null;
                    }
                    long start = positions.getStartPosition(compilationUnit, body);
                    long end = positions.getEndPosition(compilationUnit, body);
                    if (start < 0 || end <= start) {
                        return null;
                    }
                    bodies.add(new long[] {start, end});
                    // The body goes as a whole, with any class declared inside it.
                    return null;
                }
            }.scan(compilationUnit, null);
        }
        // From the last body to the first, so that each replacement leaves the earlier offsets valid.
        bodies.sort(Comparator.comparingLong((long[] body) -> body[0]).reversed());
        StringBuilder source = new StringBuilder(unit.source());
        for (long[] body : bodies) {
            source.replace((int) body[0], (int) body[1], "{ " + THROW + " }");
        }
        return Optional.of(new CodeUnit(unit.packageName(), unit.typeName(), source.toString(), unit.test()));
    }
}
