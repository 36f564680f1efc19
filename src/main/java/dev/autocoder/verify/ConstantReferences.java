package dev.autocoder.verify;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The uses of other classes' compile-time constants, read from javac's analysed trees: javac copies
 * a {@code static final} constant's value into the class that uses it, so its class file keeps no
 * reference to the class that declares it. A test that reaches {@code RetryPolicy}, which returns
 * {@code Limits.MAX_ATTEMPTS}, depends on {@code Limits} all the same; {@link TestSelection} adds
 * these edges to the ones it reads from the class files.
 */
final class ConstantReferences {

    private ConstantReferences() {
    }

    /**
     * Each class's uses of constants declared in other classes, by binary names: the class whose
     * code uses the constant (nested, local and anonymous classes by their own names) to the classes
     * that declare them. Call after {@link JavacTask#analyze()} has succeeded.
     */
    static Map<String, Set<String>> of(JavacTask javac, Iterable<? extends CompilationUnitTree> units) {
        Trees trees = Trees.instance(javac);
        Elements elements = javac.getElements();
        Map<String, Set<String>> uses = new HashMap<>();
        for (CompilationUnitTree unit : units) {
            new TreePathScanner<Void, Void>() {
                private final Deque<String> classes = new ArrayDeque<>();

                @Override
                public Void visitClass(ClassTree tree, Void unused) {
                    Element type = trees.getElement(getCurrentPath());
                    if (!(type instanceof TypeElement typeElement)) {
                        return super.visitClass(tree, unused);
                    }
                    classes.push(elements.getBinaryName(typeElement).toString());
                    try {
                        return super.visitClass(tree, unused);
                    } finally {
                        classes.pop();
                    }
                }

                @Override
                public Void visitIdentifier(IdentifierTree tree, Void unused) {
                    note();
                    return super.visitIdentifier(tree, unused);
                }

                @Override
                public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
                    note();
                    return super.visitMemberSelect(tree, unused);
                }

                private void note() {
                    if (classes.isEmpty()) {
                        return;
                    }
                    Element used = trees.getElement(getCurrentPath());
                    if (used != null && used.getKind() == ElementKind.FIELD
                            && ((VariableElement) used).getConstantValue() != null
                            && used.getEnclosingElement() instanceof TypeElement owner) {
                        String declaring = elements.getBinaryName(owner).toString();
                        if (!declaring.equals(classes.peek())) {
                            uses.computeIfAbsent(classes.peek(), key -> new TreeSet<>()).add(declaring);
                        }
                    }
                }
            }.scan(unit, null);
        }
        return uses;
    }
}
