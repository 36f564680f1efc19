package dev.autocoder.context;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a compiled class (JVMS chapter 4) just far enough to print its public and protected API as
 * Java-like declarations without bodies: a tiny reader, so the plugin needs no bytecode library.
 */
final class ClassFileSignatures {

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_PROTECTED = 0x0004;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_BRIDGE = 0x0040;
    private static final int ACC_VARARGS = 0x0080;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final int ACC_ANNOTATION = 0x2000;
    private static final int ACC_ENUM = 0x4000;

    private static final int TAG_UTF8 = 1;
    private static final int TAG_CLASS = 7;

    /** A field or method as the class file declares it. */
    private record Member(int access, String name, String descriptor, String signature, List<String> exceptions) {
    }

    private Object[] constants;

    private ClassFileSignatures() {
    }

    /**
     * The public API of the class in {@code classFile}.
     *
     * @throws IllegalArgumentException when the bytes are not a readable class file
     */
    static String render(byte[] classFile) {
        return render(classFile, name -> true);
    }

    /**
     * The constructors and the public and protected members accepted by {@code shownMember} (by
     * name) of the class in {@code classFile}; a narrower view for a class too large to show whole.
     *
     * @throws IllegalArgumentException when the bytes are not a readable class file
     */
    static String render(byte[] classFile, Predicate<String> shownMember) {
        try {
            return new ClassFileSignatures().read(new DataInputStream(new ByteArrayInputStream(classFile)),
                    shownMember);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file: " + e.getMessage(), e);
        }
    }

    private String read(DataInputStream in, Predicate<String> shownMember) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        readConstantPool(in);
        int access = in.readUnsignedShort();
        String thisClass = className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superClass = superIndex == 0 ? null : className(superIndex);
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            interfaces.add(className(in.readUnsignedShort()));
        }
        List<Member> fields = readMembers(in);
        List<Member> methods = readMembers(in);
        String classSignature = readAttributes(in).signature();

        int slash = thisClass.lastIndexOf('/');
        String packageName = slash < 0 ? "" : thisClass.substring(0, slash).replace('/', '.');
        String simpleName = thisClass.substring(slash + 1).replace('$', '.');
        boolean isInterface = (access & ACC_INTERFACE) != 0;

        ImportedNames names = new ImportedNames(packageName);
        StringBuilder body = new StringBuilder();
        body.append(header(access, simpleName, superClass, interfaces, classSignature, names)).append(" {\n");
        String shortName = simpleName.substring(simpleName.lastIndexOf('.') + 1);
        List<String> enumConstants = fields.stream()
                .filter(f -> (f.access() & ACC_ENUM) != 0)
                .map(Member::name)
                .toList();
        if (!enumConstants.isEmpty()) {
            body.append("    ").append(String.join(", ", enumConstants)).append(";\n");
        }
        fields.stream()
                .filter(f -> visible(f.access(), isInterface) && (f.access() & (ACC_ENUM | ACC_SYNTHETIC)) == 0)
                .filter(f -> shownMember.test(f.name()))
                .sorted(Comparator.comparing(Member::name))
                .map(f -> fieldLine(f, names))
                .forEach(line -> body.append("    ").append(line).append('\n'));
        methods.stream()
                .filter(m -> visible(m.access(), isInterface) && (m.access() & (ACC_SYNTHETIC | ACC_BRIDGE)) == 0)
                .filter(m -> m.name().equals("<init>") || !m.name().equals("<clinit>") && shownMember.test(m.name()))
                .sorted(Comparator.comparing((Member m) -> !m.name().equals("<init>")).thenComparing(Member::name))
                .map(m -> methodLine(m, shortName, isInterface, names))
                .forEach(line -> body.append("    ").append(line).append('\n'));
        body.append("}\n");

        StringBuilder out = new StringBuilder();
        if (!packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
        String imports = names.importLines();
        if (!imports.isEmpty()) {
            out.append(imports).append('\n');
        }
        return out.append(body).toString();
    }

    private void readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        constants = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case TAG_UTF8 -> constants[i] = in.readUTF();
                case TAG_CLASS -> constants[i] = in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two slots
                }
                case 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
    }

    private String utf8(int index) {
        return (String) constants[index];
    }

    private String className(int index) {
        return utf8((Integer) constants[index]);
    }

    private List<Member> readMembers(DataInputStream in) throws IOException {
        List<Member> members = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            int access = in.readUnsignedShort();
            String name = utf8(in.readUnsignedShort());
            String descriptor = utf8(in.readUnsignedShort());
            Attributes attributes = readAttributes(in);
            members.add(new Member(access, name, descriptor, attributes.signature(), attributes.exceptions()));
        }
        return members;
    }

    /** The two attributes a signature view needs; the rest are skipped. */
    private record Attributes(String signature, List<String> exceptions) {
    }

    private Attributes readAttributes(DataInputStream in) throws IOException {
        String signature = null;
        List<String> exceptions = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            String name = utf8(in.readUnsignedShort());
            int length = in.readInt();
            if (name.equals("Signature")) {
                signature = utf8(in.readUnsignedShort());
            } else if (name.equals("Exceptions")) {
                for (int k = in.readUnsignedShort(); k > 0; k--) {
                    exceptions.add(className(in.readUnsignedShort()));
                }
            } else {
                in.skipNBytes(length);
            }
        }
        return new Attributes(signature, exceptions);
    }

    private static boolean visible(int access, boolean inInterface) {
        return (access & (ACC_PUBLIC | ACC_PROTECTED)) != 0 || inInterface && (access & ACC_PRIVATE) == 0;
    }

    private static String header(int access, String simpleName, String superClass, List<String> interfaces,
            String signature, ImportedNames names) {
        StringBuilder out = new StringBuilder(modifiers(access & (ACC_PUBLIC | ACC_PROTECTED)));
        boolean isInterface = (access & ACC_INTERFACE) != 0;
        String typeParameters = "";
        String superText = superClass == null ? null : names.name(superClass);
        List<String> interfaceTexts = interfaces.stream().map(names::name).toList();
        if (signature != null) {
            List<String> parts = JvmTypes.classSignature(signature, names);
            typeParameters = parts.get(0);
            superText = parts.get(1);
            interfaceTexts = parts.subList(2, parts.size());
        }
        if ((access & ACC_ANNOTATION) != 0) {
            return out.append("@interface ").append(simpleName).toString();
        }
        if ((access & ACC_ENUM) != 0) {
            out.append("enum ");
        } else if (isInterface) {
            out.append("interface ");
        } else {
            out.append(modifiers(access & (ACC_ABSTRACT | ACC_FINAL))).append("class ");
        }
        out.append(simpleName).append(typeParameters);
        if (!isInterface && (access & ACC_ENUM) == 0 && superText != null && !superText.equals("Object")) {
            out.append(" extends ").append(superText);
        }
        if (!interfaceTexts.isEmpty()) {
            out.append(isInterface ? " extends " : " implements ").append(String.join(", ", interfaceTexts));
        }
        return out.toString();
    }

    private static String fieldLine(Member field, ImportedNames names) {
        String type = JvmTypes.fieldType(field.signature() != null ? field.signature() : field.descriptor(),
                names);
        return modifiers(field.access() & (ACC_PUBLIC | ACC_PROTECTED | ACC_STATIC | ACC_FINAL))
                + type + " " + field.name() + ";";
    }

    private static String methodLine(Member method, String simpleName, boolean inInterface, ImportedNames names) {
        JvmTypes.MethodType type = JvmTypes.methodType(
                method.signature() != null ? method.signature() : method.descriptor(), names);
        int shown = ACC_PUBLIC | ACC_PROTECTED | ACC_STATIC | ACC_FINAL | (inInterface ? 0 : ACC_ABSTRACT);
        StringBuilder out = new StringBuilder(modifiers(method.access() & shown));
        if (inInterface && (method.access() & (ACC_ABSTRACT | ACC_STATIC)) == 0) {
            out.append("default ");
        }
        if (!type.typeParameters().isEmpty()) {
            out.append(type.typeParameters()).append(' ');
        }
        boolean constructor = method.name().equals("<init>");
        out.append(constructor ? simpleName : type.returnType() + " " + method.name()).append('(');
        List<String> parameters = new ArrayList<>(type.parameters());
        int last = parameters.size() - 1;
        if ((method.access() & ACC_VARARGS) != 0 && last >= 0 && parameters.get(last).endsWith("[]")) {
            String array = parameters.get(last);
            parameters.set(last, array.substring(0, array.length() - 2) + "...");
        }
        out.append(String.join(", ", parameters)).append(')');
        List<String> exceptions = type.exceptions().isEmpty()
                ? method.exceptions().stream().map(names::name).toList()
                : type.exceptions();
        if (!exceptions.isEmpty()) {
            out.append(" throws ").append(String.join(", ", exceptions));
        }
        return out.append(';').toString();
    }

    private static String modifiers(int access) {
        StringBuilder out = new StringBuilder();
        if ((access & ACC_PUBLIC) != 0) {
            out.append("public ");
        }
        if ((access & ACC_PROTECTED) != 0) {
            out.append("protected ");
        }
        if ((access & ACC_ABSTRACT) != 0) {
            out.append("abstract ");
        }
        if ((access & ACC_STATIC) != 0) {
            out.append("static ");
        }
        if ((access & ACC_FINAL) != 0) {
            out.append("final ");
        }
        return out.toString();
    }
}
