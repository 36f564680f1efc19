package dev.autocoder.context;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Prints a parsed compilation unit as its API: package, imports, type declarations, visible fields,
 * constructors and methods, without bodies, so the model sees what it must fit in a fraction of the
 * characters the full source would take.
 */
final class SourceSignatures {

    private static final String INDENT = "    ";

    // What a caller can rely on, in the JLS's customary order; synchronized, native and the like are
    // implementation detail.
    private static final Set<Modifier> SHOWN = EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE,
            Modifier.ABSTRACT, Modifier.DEFAULT, Modifier.STATIC, Modifier.SEALED, Modifier.NON_SEALED,
            Modifier.FINAL);

    private SourceSignatures() {
    }

    static String render(CompilationUnitTree unit) {
        StringBuilder out = new StringBuilder();
        if (unit.getPackageName() != null) {
            out.append("package ").append(unit.getPackageName()).append(";\n\n");
        }
        for (ImportTree anImport : unit.getImports()) {
            out.append("import ").append(anImport.isStatic() ? "static " : "")
                    .append(anImport.getQualifiedIdentifier()).append(";\n");
        }
        if (!unit.getImports().isEmpty()) {
            out.append('\n');
        }
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree declaration) {
                renderType(declaration, "", out);
            }
        }
        return out.toString();
    }

    private static void renderType(ClassTree type, String indent, StringBuilder out) {
        boolean implicitlyPublic = type.getKind() == Tree.Kind.INTERFACE
                || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
        String inner = indent + INDENT;
        out.append(indent).append(typeHeader(type)).append(" {\n");
        List<String> enumConstants = new ArrayList<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field && isEnumConstant(type, field)) {
                enumConstants.add(field.getName().toString());
            }
        }
        if (!enumConstants.isEmpty()) {
            out.append(inner).append(String.join(", ", enumConstants)).append(";\n");
        }
        for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field) {
                if (!isEnumConstant(type, field) && !isRecordComponent(type, field)
                        && visible(field.getModifiers(), implicitlyPublic)) {
                    out.append(inner).append(field(field)).append('\n');
                }
            } else if (member instanceof MethodTree method) {
                if (visible(method.getModifiers(), implicitlyPublic)) {
                    out.append(inner).append(method(method, type.getSimpleName().toString())).append('\n');
                }
            } else if (member instanceof ClassTree nested && visible(nested.getModifiers(), implicitlyPublic)) {
                renderType(nested, inner, out);
            }
        }
        out.append(indent).append("}\n");
    }

    private static boolean visible(ModifiersTree modifiers, boolean implicitlyPublic) {
        Set<Modifier> flags = modifiers.getFlags();
        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                || implicitlyPublic && !flags.contains(Modifier.PRIVATE);
    }

    private static boolean isEnumConstant(ClassTree type, VariableTree field) {
        return type.getKind() == Tree.Kind.ENUM && field.getInitializer() instanceof NewClassTree creation
                && creation.getIdentifier().toString().equals(type.getSimpleName().toString());
    }

    // The parser keeps a record's components as its only instance fields.
    private static boolean isRecordComponent(ClassTree type, VariableTree field) {
        return type.getKind() == Tree.Kind.RECORD && !field.getModifiers().getFlags().contains(Modifier.STATIC);
    }

    private static String typeHeader(ClassTree type) {
        StringBuilder out = new StringBuilder(modifiers(type.getModifiers()));
        out.append(switch (type.getKind()) {
            case INTERFACE -> "interface ";
            case ENUM -> "enum ";
            case RECORD -> "record ";
            case ANNOTATION_TYPE -> "@interface ";
            default -> "class ";
        });
        out.append(type.getSimpleName()).append(typeParameters(type.getTypeParameters()));
        if (type.getKind() == Tree.Kind.RECORD) {
            out.append(type.getMembers().stream()
                    .filter(m -> m instanceof VariableTree field && isRecordComponent(type, field))
                    .map(m -> parameter((VariableTree) m))
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        if (type.getExtendsClause() != null) {
            out.append(" extends ").append(type.getExtendsClause());
        }
        if (!type.getImplementsClause().isEmpty()) {
            out.append(type.getKind() == Tree.Kind.INTERFACE ? " extends " : " implements ")
                    .append(joined(type.getImplementsClause()));
        }
        if (!type.getPermitsClause().isEmpty()) {
            out.append(" permits ").append(joined(type.getPermitsClause()));
        }
        return out.toString();
    }

    private static String field(VariableTree field) {
        StringBuilder out = new StringBuilder(modifiers(field.getModifiers()))
                .append(field.getType()).append(' ').append(field.getName());
        // a literal constant's value is part of its contract; any other initializer is implementation
        if (field.getInitializer() instanceof LiteralTree literal) {
            out.append(" = ").append(literal);
        }
        return out.append(';').toString();
    }

    private static String method(MethodTree method, String typeName) {
        StringBuilder out = new StringBuilder(modifiers(method.getModifiers()));
        String typeParameters = typeParameters(method.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            out.append(typeParameters).append(' ');
        }
        boolean constructor = method.getName().contentEquals("<init>");
        out.append(constructor ? typeName : method.getReturnType() + " " + method.getName());
        out.append(method.getParameters().stream().map(SourceSignatures::parameter)
                .collect(Collectors.joining(", ", "(", ")")));
        if (!method.getThrows().isEmpty()) {
            out.append(" throws ").append(joined(method.getThrows()));
        }
        if (method.getDefaultValue() != null) {
            out.append(" default ").append(method.getDefaultValue());
        }
        return out.append(';').toString();
    }

    // The tree's own printing knows varargs (int... values); only modifiers (a record component's
    // implied private final) and line breaks go. Modifiers are keywords, so no name can match.
    private static String parameter(VariableTree parameter) {
        return parameter.toString().replaceAll("\\s+", " ")
                .replaceAll("\\b(?:private|protected|public|static|final) ", "").strip();
    }

    private static String typeParameters(List<? extends Tree> parameters) {
        return parameters.isEmpty() ? "" : "<" + joined(parameters) + ">";
    }

    private static String joined(List<? extends Tree> trees) {
        return trees.stream().map(Tree::toString).collect(Collectors.joining(", "));
    }

    private static String modifiers(ModifiersTree modifiers) {
        StringBuilder out = new StringBuilder();
        for (Modifier modifier : SHOWN) {
            if (modifiers.getFlags().contains(modifier)) {
                out.append(modifier).append(' ');
            }
        }
        return out.toString();
    }
}
