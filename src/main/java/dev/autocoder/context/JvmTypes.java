package dev.autocoder.context;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns JVM descriptors and generic signatures (JVMS 4.3, 4.7.9.1) into Java-like type text. A
 * descriptor is a subset of the signature grammar, so one reader serves both.
 */
final class JvmTypes {

    /** A method's type parameters, parameter types, return type and declared exceptions, as Java text. */
    record MethodType(String typeParameters, List<String> parameters, String returnType, List<String> exceptions) {
    }

    private final String text;
    private final ImportedNames names;
    private int pos;

    private JvmTypes(String text, ImportedNames names) {
        this.text = text;
        this.names = names;
    }

    /** A field descriptor or field signature as a Java type. */
    static String fieldType(String signature, ImportedNames names) {
        JvmTypes reader = new JvmTypes(signature, names);
        return reader.type();
    }

    /** A method descriptor or method signature. */
    static MethodType methodType(String signature, ImportedNames names) {
        JvmTypes reader = new JvmTypes(signature, names);
        String typeParameters = reader.typeParameters();
        reader.expect('(');
        List<String> parameters = new ArrayList<>();
        while (reader.peek() != ')') {
            parameters.add(reader.type());
        }
        reader.expect(')');
        String returnType = reader.type();
        List<String> exceptions = new ArrayList<>();
        while (reader.pos < reader.text.length() && reader.peek() == '^') {
            reader.pos++;
            exceptions.add(reader.type());
        }
        return new MethodType(typeParameters, parameters, returnType, exceptions);
    }

    /**
     * A class signature's type parameters, superclass and interfaces: element 0 is the type
     * parameter text (possibly empty), element 1 the superclass, the rest the interfaces.
     */
    static List<String> classSignature(String signature, ImportedNames names) {
        JvmTypes reader = new JvmTypes(signature, names);
        List<String> parts = new ArrayList<>();
        parts.add(reader.typeParameters());
        while (reader.pos < reader.text.length()) {
            parts.add(reader.type());
        }
        return parts;
    }

    private String typeParameters() {
        if (pos >= text.length() || peek() != '<') {
            return "";
        }
        pos++;
        List<String> parameters = new ArrayList<>();
        while (peek() != '>') {
            int colon = text.indexOf(':', pos);
            String name = text.substring(pos, colon);
            pos = colon;
            List<String> bounds = new ArrayList<>();
            while (peek() == ':') {
                pos++;
                if (peek() != ':' && peek() != '>') {
                    String bound = type();
                    if (!bound.equals("Object")) {
                        bounds.add(bound);
                    }
                }
            }
            parameters.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
        }
        pos++;
        return "<" + String.join(", ", parameters) + ">";
    }

    private String type() {
        char c = text.charAt(pos++);
        return switch (c) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            case 'V' -> "void";
            case '[' -> type() + "[]";
            case 'T' -> {
                int end = text.indexOf(';', pos);
                String name = text.substring(pos, end);
                pos = end + 1;
                yield name;
            }
            case 'L' -> classType();
            default -> throw new IllegalArgumentException("bad type signature at " + (pos - 1) + ": " + text);
        };
    }

    private String classType() {
        StringBuilder rendered = new StringBuilder(names.name(identifier()));
        while (true) {
            char c = text.charAt(pos++);
            if (c == ';') {
                return rendered.toString();
            } else if (c == '<') {
                rendered.append(typeArguments());
            } else {
                // '.' starts an inner class of a parameterized outer class: Outer<T>.Inner
                rendered.append('.').append(identifier());
            }
        }
    }

    private String identifier() {
        int start = pos;
        while ("<.;".indexOf(peek()) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String typeArguments() {
        List<String> arguments = new ArrayList<>();
        while (peek() != '>') {
            char c = peek();
            if (c == '*') {
                pos++;
                arguments.add("?");
            } else if (c == '+') {
                pos++;
                arguments.add("? extends " + type());
            } else if (c == '-') {
                pos++;
                arguments.add("? super " + type());
            } else {
                arguments.add(type());
            }
        }
        pos++;
        return "<" + String.join(", ", arguments) + ">";
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + text);
        }
        pos++;
    }
}
