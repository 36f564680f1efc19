package dev.autocoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * langchain4j-ollama comes from an older release than the LangChain4j core it runs on (the registry
 * serves no 1.19.0 of it). This test reads every class of its jar and resolves each class, method and
 * field it uses from the other LangChain4j jars on the plugin's classpath, through superclasses and
 * interfaces as the JVM does, so that an upgrade of the core that breaks it fails here rather than
 * as a {@code NoSuchMethodError} in a user's build.
 */
class OllamaLinkageTest {

    private static final String LANGCHAIN4J = "dev/langchain4j/";

    private final Map<String, Members> loaded = new HashMap<>();

    @Test
    void everyReferenceFromTheOllamaModuleIntoLangChain4jResolves() throws Exception {
        Path jar = Path.of(OllamaChatModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path core = Path.of(ChatModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(jar.getFileName().toString().startsWith("langchain4j-ollama-"), jar.toString());
        assertTrue(core.getFileName().toString().startsWith("langchain4j-core-"), core.toString());

        Set<String> own = new HashSet<>();
        List<byte[]> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    own.add(entry.getName().substring(0, entry.getName().length() - ".class".length()));
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.add(in.readAllBytes());
                    }
                }
            }
        }
        int[] checked = {0};
        Set<String> missing = missing(classes, own, checked);

        assertEquals(Set.of(), missing, "references of langchain4j-ollama that the LangChain4j on the classpath"
                + " lacks: align langchain4j-ollama.version with langchain4j.version in the POM");
        assertTrue(checked[0] > 100, "the scan saw only " + checked[0] + " references into LangChain4j");
    }

    @Test
    void aMethodTheCoreLacksIsReported() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "dev/langchain4j/model/ollama/Probe", null, "java/lang/Object",
                null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "call",
                "(Ldev/langchain4j/model/chat/ChatModel;)V", null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "dev/langchain4j/model/chat/ChatModel", "chatRemoved",
                "()V", true);
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "dev/langchain4j/model/chat/ChatModel", "provider",
                "()Ldev/langchain4j/model/ModelProvider;", true);
        method.visitInsn(Opcodes.POP);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(1, 1);
        method.visitEnd();
        writer.visitEnd();

        Set<String> missing = missing(List.of(writer.toByteArray()), Set.of("dev/langchain4j/model/ollama/Probe"),
                new int[1]);

        assertEquals(Set.of("dev/langchain4j/model/ollama/Probe.call uses dev/langchain4j/model/chat/ChatModel.chatRemoved()V"),
                missing, "the removed method is reported, the existing default method is not");
    }

    /** What {@code classes} use from LangChain4j outside {@code own} that the class path lacks. */
    private Set<String> missing(List<byte[]> classes, Set<String> own, int[] checked) {
        Set<String> missing = new TreeSet<>();
        for (byte[] bytes : classes) {
            ClassReader reader = new ClassReader(bytes);
            String name = reader.getClassName();
            List<String> supertypes = new ArrayList<>(List.of(reader.getInterfaces()));
            if (reader.getSuperName() != null) {
                supertypes.add(reader.getSuperName());
            }
            supertypes.stream().filter(type -> foreign(type, own) && members(type) == null)
                    .forEach(type -> missing.add(name + " extends " + type));
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        private void use(String owner, String member) {
                            if (foreign(owner, own)) {
                                checked[0]++;
                                if (!resolves(owner, member)) {
                                    missing.add(name + "." + method + " uses " + owner + "." + member);
                                }
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                            use(owner, member + desc);
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                            use(owner, member + ":" + desc);
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            if (foreign(type, own) && members(type) == null) {
                                missing.add(name + "." + method + " uses class " + type);
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap,
                                Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof Handle handle) {
                                    use(handle.getOwner(), handle.getName() + handle.getDesc());
                                }
                            }
                        }
                    };
                }
            }, 0);
        }
        return missing;
    }

    private static boolean foreign(String type, Set<String> own) {
        return type.startsWith(LANGCHAIN4J) && !own.contains(type);
    }

    /** Whether {@code owner} or a supertype declares {@code member}, as the JVM resolves it. */
    private boolean resolves(String owner, String member) {
        Deque<String> pending = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (!seen.add(type)) {
                continue;
            }
            Members members = members(type);
            if (members == null) {
                // A JDK or third-party supertype is outside what this test guards.
                if (!type.startsWith(LANGCHAIN4J)) {
                    return true;
                }
                continue;
            }
            if (members.declared().contains(member)) {
                return true;
            }
            pending.addAll(members.supertypes());
        }
        return false;
    }

    /** A class's declared members and supertypes, or {@code null} when the class path has no such class. */
    private Members members(String type) {
        return loaded.computeIfAbsent(type, name -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name + ".class")) {
                if (in == null) {
                    return null;
                }
                Set<String> declared = new HashSet<>();
                List<String> supertypes = new ArrayList<>();
                new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(int version, int access, String self, String signature, String superName,
                            String[] interfaces) {
                        if (superName != null) {
                            supertypes.add(superName);
                        }
                        supertypes.addAll(List.of(interfaces));
                    }

                    @Override
                    public FieldVisitor visitField(int access, String field, String desc, String signature,
                            Object value) {
                        declared.add(field + ":" + desc);
                        return null;
                    }

                    @Override
                    public MethodVisitor visitMethod(int access, String method, String desc, String signature,
                            String[] exceptions) {
                        declared.add(method + desc);
                        return null;
                    }
                }, ClassReader.SKIP_CODE);
                return new Members(declared, supertypes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private record Members(Set<String> declared, List<String> supertypes) {
    }
}
