package dev.autocoder.verify;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What one javac run showed, read with javac's own trees: the errors, and for each error whether
 * it only follows from a type another task has not written yet (a cascade) and which type a
 * "cannot find symbol" misses. Nothing here reads message text: only diagnostic codes, positions
 * and the symbols the trees resolve to.
 */
final class DiagnosticCauses {

    /** A type an error misses: its simple name, and the package it was asked for in, when the code names one. */
    record MissingType(String simpleName, Optional<String> packageName) {
    }

    private static final int MAX_SUPERTYPE_DEPTH = 16;

    private final List<Diagnostic<? extends JavaFileObject>> errors;
    private final Trees trees;
    /** By URI: javac hands its trees wrapped file objects, and diagnostics the caller's own. */
    private final Map<java.net.URI, CompilationUnitTree> units = new java.util.HashMap<>();

    DiagnosticCauses(List<Diagnostic<? extends JavaFileObject>> errors, Trees trees, List<CompilationUnitTree> parsed) {
        this.errors = List.copyOf(errors);
        this.trees = trees;
        parsed.forEach(unit -> units.put(unit.getSourceFile().toUri(), unit));
    }

    /** A run without trees (nothing compiled, or a compiler that is not javac): no error is a cascade. */
    static DiagnosticCauses withoutTrees(List<Diagnostic<? extends JavaFileObject>> errors) {
        return new DiagnosticCauses(errors, null, List.of());
    }

    List<Diagnostic<? extends JavaFileObject>> errors() {
        return errors;
    }

    /** The package a compiled file declares, empty for the default package or an unknown file. */
    String packageOf(JavaFileObject file) {
        CompilationUnitTree unit = units.get(file.toUri());
        return unit == null || unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    }

    /** Whether the file imports a type of this simple name by a single-type import. */
    boolean importsSimpleName(JavaFileObject file, String simpleName) {
        return importedPackage(file, simpleName).isPresent();
    }

    /** The package the file imports a type of this simple name from by a single-type import. */
    Optional<String> importedPackage(JavaFileObject file, String simpleName) {
        CompilationUnitTree unit = units.get(file.toUri());
        return unit == null ? Optional.empty() : unit.getImports().stream().filter(i -> !i.isStatic())
                .map(i -> i.getQualifiedIdentifier().toString())
                .filter(name -> name.endsWith("." + simpleName))
                .map(name -> name.substring(0, name.length() - simpleName.length() - 1)).findFirst();
    }

    /** The line of the file's package declaration, or 1 when it has none. */
    long packageLine(JavaFileObject file) {
        CompilationUnitTree unit = units.get(file.toUri());
        if (unit == null || unit.getPackage() == null || trees == null) {
            return 1;
        }
        long start = trees.getSourcePositions().getStartPosition(unit, unit.getPackage());
        return start < 0 ? 1 : unit.getLineMap().getLineNumber(start);
    }

    /**
     * The type a "does not exist" error misses, read from the tree at its position: the
     * identifier {@code Cell}, or the imported {@code game.cells.Cell} with its package.
     */
    Optional<MissingType> missingType(Diagnostic<? extends JavaFileObject> error) {
        String code = error.getCode() == null ? "" : error.getCode();
        if (!code.startsWith("compiler.err.cant.resolve") && !code.equals("compiler.err.doesnt.exist")) {
            return Optional.empty();
        }
        TreePath path = pathAt(error);
        if (path == null) {
            return Optional.empty();
        }
        for (TreePath at = path; at != null; at = at.getParentPath()) {
            if (at.getLeaf() instanceof ImportTree imported && !imported.isStatic()
                    && imported.getQualifiedIdentifier() instanceof MemberSelectTree select
                    && !select.getIdentifier().contentEquals("*")) {
                return Optional.of(new MissingType(select.getIdentifier().toString(),
                        Optional.of(select.getExpression().toString())));
            }
        }
        if (code.equals("compiler.err.doesnt.exist")) {
            return Optional.empty();
        }
        Tree leaf = path.getLeaf();
        if (leaf instanceof IdentifierTree identifier && looksLikeType(identifier.getName().toString())
                && isTypeMissing(path)) {
            return Optional.of(new MissingType(identifier.getName().toString(), Optional.empty()));
        }
        if (leaf instanceof MemberSelectTree select && looksLikeType(select.getIdentifier().toString())
                && isTypeMissing(path) && trees.getElement(new TreePath(path, select.getExpression())) != null
                && trees.getElement(new TreePath(path, select.getExpression())).getKind() == ElementKind.PACKAGE) {
            return Optional.of(new MissingType(select.getIdentifier().toString(),
                    Optional.of(select.getExpression().toString())));
        }
        return Optional.empty();
    }

    private boolean isTypeMissing(TreePath path) {
        Element element = trees.getElement(path);
        return element == null || element.asType() == null || element.asType().getKind() == TypeKind.ERROR;
    }

    private static boolean looksLikeType(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    /**
     * Whether an error only follows from a type that is not written yet: a method that overrides
     * nothing in a class whose supertype is missing, a member looked up in such a class, a shadowing
     * JDK type from a star import instantiated or called in its place, or a call, a conversion or a
     * construction against a type another task is still writing.
     *
     * @param unsettled whether a source file holds code another task is still writing
     */
    boolean isCascade(Diagnostic<? extends JavaFileObject> error, java.util.function.Predicate<JavaFileObject> unsettled) {
        String code = error.getCode() == null ? "" : error.getCode();
        TreePath path = pathAt(error);
        if (path == null) {
            return false;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        Lookup lookup = new Lookup(unit, unsettled);
        switch (code) {
            case "compiler.err.method.does.not.override.superclass", "compiler.err.cant.inherit.from.final" -> {
                TypeElement type = enclosingClass(path);
                return type != null && lookup.supertypesUnsettled(type.asType(), 0);
            }
            case "compiler.err.abstract.cant.be.instantiated" -> {
                NewClassTree created = enclosing(path, NewClassTree.class);
                return created != null && lookup.involved(typeOf(new TreePath(path, created.getIdentifier())));
            }
            case "compiler.err.cant.apply.symbol", "compiler.err.cant.apply.symbols",
                    "compiler.err.cant.apply.diamond.1" -> {
                return lookup.involved(invokedOwner(path));
            }
            case "compiler.err.cant.resolve.location.args", "compiler.err.cant.resolve.location",
                    "compiler.err.cant.resolve.args", "compiler.err.cant.resolve" -> {
                if (missingType(error).isPresent()) {
                    return false;
                }
                return lookup.involved(memberLocation(path));
            }
            case "compiler.err.unreported.exception.need.to.catch.or.throw" -> {
                // javac goes on to flow analysis past a missing type: what a missing type's method
                // would return, thrown, is an erroneous "exception" named after that method.
                TreePath thrown = path.getLeaf() instanceof ThrowTree throwTree
                        ? new TreePath(path, throwTree.getExpression()) : path;
                TypeMirror type = typeOf(thrown);
                return type != null && type.getKind() == TypeKind.ERROR;
            }
            case "compiler.err.prob.found.req", "compiler.err.incomparable.types", "compiler.err.cant.deref" -> {
                return lookup.involved(typeOf(path)) || path.getParentPath() != null
                        && lookup.involved(typeOf(path.getParentPath()));
            }
            default -> {
                return false;
            }
        }
    }

    /** What the trees tell about the types around one file's error. */
    private final class Lookup {
        private final CompilationUnitTree unit;
        private final java.util.function.Predicate<JavaFileObject> unsettled;

        Lookup(CompilationUnitTree unit, java.util.function.Predicate<JavaFileObject> unsettled) {
            this.unit = unit;
            this.unsettled = unsettled;
        }

        /** The type is missing, another task's unfinished one, a JDK type only a star import put here, or extends one. */
        boolean involved(TypeMirror type) {
            if (type == null) {
                return false;
            }
            if (type.getKind() == TypeKind.ERROR) {
                return true;
            }
            if (!(type instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement element)) {
                return false;
            }
            return unsettledSource(element) || shadowedByStarImport(element) || supertypesUnsettled(type, 0);
        }

        boolean supertypesUnsettled(TypeMirror type, int depth) {
            if (depth > MAX_SUPERTYPE_DEPTH || !(type instanceof DeclaredType declared)
                    || !(declared.asElement() instanceof TypeElement element)) {
                return false;
            }
            List<TypeMirror> supertypes = new ArrayList<>(element.getInterfaces());
            supertypes.add(element.getSuperclass());
            for (TypeMirror supertype : supertypes) {
                if (supertype.getKind() == TypeKind.ERROR) {
                    return true;
                }
                if (supertype instanceof DeclaredType superDeclared
                        && superDeclared.asElement() instanceof TypeElement superElement
                        && (unsettledSource(superElement) || supertypesUnsettled(supertype, depth + 1))) {
                    return true;
                }
            }
            return false;
        }

        private boolean unsettledSource(TypeElement element) {
            TreePath declaration = trees.getPath(element);
            return declaration != null && unsettled.test(declaration.getCompilationUnit().getSourceFile());
        }

        /** A JDK type that this file sees only through {@code import java.util.*}, so it may hide a project type. */
        private boolean shadowedByStarImport(TypeElement element) {
            String qualified = element.getQualifiedName().toString();
            int dot = qualified.lastIndexOf('.');
            if (dot < 0 || trees.getPath(element) != null
                    || !(qualified.startsWith("java.") || qualified.startsWith("javax."))) {
                return false;
            }
            String packageName = qualified.substring(0, dot);
            if (packageName.equals("java.lang")) {
                return false;
            }
            boolean single = false;
            boolean star = false;
            for (ImportTree imported : unit.getImports()) {
                String name = imported.getQualifiedIdentifier().toString();
                single |= !imported.isStatic() && name.equals(qualified);
                star |= !imported.isStatic() && name.equals(packageName + ".*");
            }
            return star && !single;
        }
    }

    /** The type whose member an unresolved member lookup searched: the receiver's, or the enclosing class's. */
    private TypeMirror memberLocation(TreePath path) {
        Tree leaf = path.getLeaf();
        if (leaf instanceof MemberSelectTree select) {
            return typeOf(new TreePath(path, select.getExpression()));
        }
        if (leaf instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select) {
            return typeOf(new TreePath(new TreePath(path, call.getMethodSelect()), select.getExpression()));
        }
        TypeElement type = enclosingClass(path);
        return type == null ? null : type.asType();
    }

    /** The class whose constructor or method a call that does not apply names. */
    private TypeMirror invokedOwner(TreePath path) {
        for (TreePath at = path; at != null; at = at.getParentPath()) {
            if (at.getLeaf() instanceof NewClassTree created) {
                return typeOf(new TreePath(at, created.getIdentifier()));
            }
            if (at.getLeaf() instanceof MethodInvocationTree call) {
                Element invoked = trees.getElement(at);
                if (invoked instanceof ExecutableElement method && method.getEnclosingElement() != null) {
                    return method.getEnclosingElement().asType();
                }
                ExpressionTree select = call.getMethodSelect();
                return select instanceof MemberSelectTree member
                        ? typeOf(new TreePath(new TreePath(at, select), member.getExpression())) : null;
            }
        }
        return null;
    }

    private TypeMirror typeOf(TreePath path) {
        try {
            return trees.getTypeMirror(path);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private TypeElement enclosingClass(TreePath path) {
        ClassTree type = enclosing(path, ClassTree.class);
        if (type == null) {
            return null;
        }
        TreePath at = path;
        while (at != null && at.getLeaf() != type) {
            at = at.getParentPath();
        }
        return at != null && trees.getElement(at) instanceof TypeElement element ? element : null;
    }

    private static <T extends Tree> T enclosing(TreePath path, Class<T> kind) {
        for (TreePath at = path; at != null; at = at.getParentPath()) {
            if (kind.isInstance(at.getLeaf())) {
                return kind.cast(at.getLeaf());
            }
        }
        return null;
    }

    /** The innermost tree at the error's position, or null without trees. */
    private TreePath pathAt(Diagnostic<? extends JavaFileObject> error) {
        CompilationUnitTree unit = trees == null ? null : error.getSource() == null ? null : units.get(error.getSource().toUri());
        long position = error.getPosition();
        if (unit == null || position == Diagnostic.NOPOS) {
            return null;
        }
        SourcePositions positions = trees.getSourcePositions();
        TreePath[] found = new TreePath[1];
        Set<Tree> seen = new HashSet<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree == null || !seen.add(tree)) {
                    return null;
                }
                long start = positions.getStartPosition(unit, tree);
                long end = positions.getEndPosition(unit, tree);
                if (start <= position && position < Math.max(end, start + 1)) {
                    TreePath here = new TreePath(getCurrentPath() == null ? new TreePath(unit) : getCurrentPath(), tree);
                    if (tree != unit) {
                        found[0] = here;
                    }
                }
                if (start > position && start != Diagnostic.NOPOS) {
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(new TreePath(unit), null);
        return found[0];
    }
}
