package dev.autocoder.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Chooses the test classes whose outcome can depend on a candidate's types, by static class-level
 * regression test selection over bytecode (as STARTS does it): a test is selected when the
 * transitive closure of the types its classes refer to, through test helpers, base classes,
 * fixtures and main classes alike, reaches a changed type.
 *
 * <p>Selection only saves time; it must never change what "verified" means, so every case the
 * closure cannot see is treated conservatively:
 * <ul>
 *   <li>a string constant naming a type (its binary or canonical name anywhere in the string, or
 *       its simple name as a whole word: {@code Class.forName("com.acme.Money")}, HQL
 *       {@code "from Money m"}) counts as a reference to it;</li>
 *   <li>a test whose closure carries a class-path scanning container ({@link #CLASS_PATH_SCANNERS})
 *       depends on every main class;</li>
 *   <li>an unreadable class file, or a test class without bytes, selects every test ("run
 *       all").</li>
 * </ul>
 * Resources (Spring XML, {@code META-INF/services}) are not read: the scanner rule stands in for
 * them.
 *
 * <p>The graph is built once per input set; closures are memoized. Instances are immutable apart
 * from that memo and safe to share between threads.
 */
public final class TestSelection {

    /**
     * Types whose presence in a test's closure (as an annotation, a meta-annotation on a project
     * annotation, or any other reference) means a container may load any main class without naming
     * it: Spring's test contexts and class-path scanning, Quarkus, Weld and CDI SE containers,
     * {@link java.util.ServiceLoader}, and class-path scanning libraries. Such a test is selected
     * whenever a changed type is a main type (or a type in neither input set).
     */
    public static final Set<String> CLASS_PATH_SCANNERS = Set.of(
            "org.springframework.boot.test.context.SpringBootTest",
            "org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest",
            "org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest",
            "org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest",
            "org.springframework.boot.test.autoconfigure.jdbc.JdbcTest",
            "org.springframework.boot.test.autoconfigure.json.JsonTest",
            "org.springframework.boot.SpringApplication",
            "org.springframework.test.context.ContextConfiguration",
            "org.springframework.test.context.junit.jupiter.SpringJUnitConfig",
            "org.springframework.test.context.junit.jupiter.SpringExtension",
            "org.springframework.test.context.junit4.SpringRunner",
            "org.springframework.test.context.junit4.SpringJUnit4ClassRunner",
            "org.springframework.context.annotation.AnnotationConfigApplicationContext",
            "io.quarkus.test.junit.QuarkusTest",
            "io.quarkus.test.junit.QuarkusIntegrationTest",
            "io.micronaut.test.extensions.junit5.annotation.MicronautTest",
            "org.jboss.weld.junit5.EnableWeld",
            "org.jboss.weld.junit5.auto.EnableAutoWeld",
            "org.jboss.weld.environment.se.Weld",
            "jakarta.enterprise.inject.se.SeContainerInitializer",
            "javax.enterprise.inject.se.SeContainerInitializer",
            "java.util.ServiceLoader",
            "org.reflections.Reflections",
            "io.github.classgraph.ClassGraph");

    /** Surefire's default includes: Test*, *Test, *Tests, *TestCase, on the simple name. */
    private static final Pattern SUREFIRE_DEFAULT = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    /** A dotted or slashed name in a string: segments of identifier characters. */
    private static final Pattern NAME_TOKEN = Pattern.compile("[A-Za-z_$][\\w$]*(?:[./][A-Za-z_$][\\w$]*)*");
    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("[./]");
    /** Longest run of name segments joined when indexing strings; package depths beyond are rare. */
    private static final int MAX_NAME_SEGMENTS = 12;
    private static final String CLASS_SUFFIX = ".class";

    /**
     * A test class chosen to run.
     *
     * @param testClass the top-level binary name of the test class
     * @param reason why it was chosen, for debug logging
     * @param reachedTypes the changed types its outcome can depend on (all changed types where that
     *     cannot be told)
     */
    public record Selected(String testClass, String reason, Set<String> reachedTypes) {
        public Selected {
            reachedTypes = Collections.unmodifiableSet(new TreeSet<>(reachedTypes));
        }
    }

    /**
     * The outcome of one selection.
     *
     * @param runAll true when the closure could not be computed and every test was chosen
     * @param runAllReason why every test was chosen, or empty
     * @param selected the chosen tests, in name order
     */
    public record Result(boolean runAll, String runAllReason, List<Selected> selected) {
        public Result {
            selected = List.copyOf(selected);
        }

        /** The chosen test classes' top-level binary names. */
        public Set<String> testClasses() {
            Set<String> names = new TreeSet<>();
            selected.forEach(chosen -> names.add(chosen.testClass()));
            return Collections.unmodifiableSet(names);
        }
    }

    /** What one class file says: the types it refers to, its outer class and its string names. */
    private record Node(Set<String> references, String outer, Set<String> stringNames, boolean abstractOrInterface) {
    }

    private final Set<String> mainClasses;
    private final Set<String> testClassFiles;
    /** Class name to what it refers to, over main and test classes; strong edges only. */
    private final Map<String, Set<String>> edges;
    /** The classes whose compile-time constants some class uses (javac copied the values there). */
    private final Map<String, Set<String>> stringNames;
    /** The edges that only a string constant makes, as "from to", so a reason can say so. */
    private final Set<String> stringOnlyEdges;
    private final Map<String, String> topLevel;
    private final Set<String> abstractTypes;
    /** Input names whose bytes could not be read, with why. */
    private final Map<String, String> unreadable;
    private final Map<String, Set<String>> closures = new ConcurrentHashMap<>();

    private TestSelection(Map<String, byte[]> main, Map<String, byte[]> test, Map<String, Set<String>> constantUses) {
        Map<String, Node> nodes = new HashMap<>();
        Map<String, String> broken = new TreeMap<>();
        Set<String> mainNames = new HashSet<>();
        Set<String> testNames = new HashSet<>();
        read(main, nodes, broken, mainNames);
        read(test, nodes, broken, testNames);
        this.mainClasses = Set.copyOf(mainNames);
        this.testClassFiles = Set.copyOf(testNames);
        this.unreadable = Collections.unmodifiableMap(broken);

        Map<String, String> byWrittenName = new HashMap<>();
        for (String name : nodes.keySet()) {
            if (name.indexOf('.') > 0) {
                byWrittenName.put(name, name);
                byWrittenName.putIfAbsent(name.replace('$', '.'), name);
            }
        }
        Map<String, Set<String>> graph = new HashMap<>();
        Map<String, Set<String>> strings = new HashMap<>();
        Set<String> byString = new HashSet<>();
        Set<String> abstracts = new HashSet<>();
        nodes.forEach((name, node) -> {
            Set<String> out = new HashSet<>(node.references());
            for (String written : node.stringNames()) {
                String known = byWrittenName.get(written);
                if (known != null && out.add(known)) {
                    byString.add(name + " " + known);
                }
            }
            out.remove(name);
            graph.computeIfAbsent(name, key -> new HashSet<>()).addAll(out);
            if (node.outer() != null) {
                graph.computeIfAbsent(node.outer(), key -> new HashSet<>()).add(name);
            }
            strings.put(name, node.stringNames());
            if (node.abstractOrInterface()) {
                abstracts.add(name);
            }
        });
        // javac copies a constant's value into the class that uses it: no class file names its class.
        constantUses.forEach((user, declaring) -> graph.computeIfAbsent(binaryName(user), key -> new HashSet<>())
                .addAll(declaring.stream().map(TestSelection::binaryName).filter(name -> !name.equals(binaryName(user)))
                        .toList()));
        this.edges = graph;
        this.stringNames = strings;
        this.stringOnlyEdges = byString;
        this.abstractTypes = abstracts;
        Map<String, String> tops = new HashMap<>();
        for (String name : nodes.keySet()) {
            tops.put(name, topLevelOf(name, nodes));
        }
        this.topLevel = tops;
    }

    /**
     * A selection over class files held in memory.
     *
     * @param mainClasses the main classes' bytes, by internal or binary name (a {@code .class}
     *     suffix is allowed); the name inside the bytes wins where they are readable
     * @param testClasses the test classes' bytes, named the same way
     */
    public static TestSelection of(Map<String, byte[]> mainClasses, Map<String, byte[]> testClasses) {
        return new TestSelection(mainClasses, testClasses, Map.of());
    }

    /**
     * A selection over class files held in memory and the compile-time constants their classes use:
     * javac copies such a constant's value into the class that uses it, so only the compiler can
     * tell that {@code RetryPolicy} depends on {@code Limits.MAX_ATTEMPTS}.
     *
     * @param constantUses each class's uses of other classes' constants, by binary names, as
     *     {@link ConstantReferences} reads them
     */
    public static TestSelection of(Map<String, byte[]> mainClasses, Map<String, byte[]> testClasses,
            Map<String, Set<String>> constantUses) {
        return new TestSelection(mainClasses, testClasses, constantUses);
    }

    /**
     * A selection over compiled class directories, such as {@code target/classes} and
     * {@code target/test-classes}; a directory that does not exist counts as empty.
     */
    public static TestSelection fromDirectories(Path mainClasses, Path testClasses) throws IOException {
        return new TestSelection(readDirectory(mainClasses), readDirectory(testClasses), Map.of());
    }

    /** Whether a class's simple name matches surefire's default includes. */
    public static boolean isDefaultTestClassName(String binaryName) {
        String name = binaryName(binaryName);
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return simple.indexOf('$') < 0 && SUREFIRE_DEFAULT.matcher(simple).matches();
    }

    /** The concrete top-level test classes that surefire would run by default. */
    public Set<String> defaultTestClasses() {
        return testClasses(TestSelection::isDefaultTestClassName);
    }

    /**
     * The concrete top-level test classes whose binary name the test phase runs, as {@code named}
     * tells (the project's surefire includes).
     */
    public Set<String> testClasses(java.util.function.Predicate<String> named) {
        return testClassFiles.stream()
                .filter(name -> topLevel.getOrDefault(name, name).equals(name))
                .filter(name -> !abstractTypes.contains(name))
                .filter(name -> binaryName(name).indexOf('$') < 0 && named.test(binaryName(name)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The test classes whose outcome can depend on the changed types.
     *
     * @param testClasses the test classes to choose from, as binary names; a nested class stands
     *     for its top-level class
     * @param changedTypes the candidate's types, as binary names (nested ones with {@code $})
     */
    public Result select(Collection<String> testClasses, Collection<String> changedTypes) {
        Set<String> changed = changedTypes.stream().map(TestSelection::binaryName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tests = testClasses.stream().map(TestSelection::binaryName)
                .map(name -> topLevel.getOrDefault(name, name))
                .collect(Collectors.toCollection(TreeSet::new));
        String runAllReason = runAllReason(tests);
        List<Selected> selected = new ArrayList<>();
        for (String test : tests) {
            Set<String> reached = reachedTypes(test, changed);
            if (runAllReason != null) {
                selected.add(new Selected(test, "run all: " + runAllReason, reached));
            } else if (!reached.isEmpty()) {
                selected.add(new Selected(test, reason(test, reached), reached));
            }
        }
        return new Result(runAllReason != null, runAllReason == null ? "" : runAllReason, selected);
    }

    /**
     * The candidates that a test class's outcome can depend on: those its closure reaches, by
     * reference or by name in a string, and every main-type candidate when the closure carries a
     * class-path scanner. All candidates when the test's closure cannot be computed.
     */
    public Set<String> reachedTypes(String testClass, Collection<String> candidates) {
        Set<String> wanted = candidates.stream().map(TestSelection::binaryName)
                .collect(Collectors.toCollection(TreeSet::new));
        String test = topLevel.getOrDefault(binaryName(testClass), binaryName(testClass));
        if (!testClassFiles.contains(test) || closureHitsUnreadable(test)) {
            return wanted;
        }
        Set<String> closure = closure(test);
        Set<String> reached = new TreeSet<>();
        boolean scanning = scanner(closure) != null;
        for (String candidate : wanted) {
            if (closure.contains(candidate) || mentionIn(closure, candidate) != null
                    || scanning && !testClassFiles.contains(candidate)) {
                reached.add(candidate);
            }
        }
        return reached;
    }

    /** Why every test must run, or null when the closures can be computed. */
    private String runAllReason(Set<String> tests) {
        if (!unreadable.isEmpty()) {
            return unreadable.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                    .collect(Collectors.joining(", ", "unreadable class file ", ""));
        }
        List<String> missing = tests.stream().filter(test -> !testClassFiles.contains(test)).toList();
        if (!missing.isEmpty()) {
            return "no class file for test " + String.join(", ", missing);
        }
        return null;
    }

    private boolean closureHitsUnreadable(String test) {
        if (unreadable.isEmpty()) {
            return false;
        }
        Set<String> closure = closure(test);
        return unreadable.keySet().stream().anyMatch(closure::contains);
    }

    /** Every type reachable from the test and its nested classes, memoized. */
    private Set<String> closure(String test) {
        return closures.computeIfAbsent(test, key -> Collections.unmodifiableSet(walk(roots(key), null).keySet()));
    }

    private List<String> roots(String test) {
        List<String> roots = new ArrayList<>();
        roots.add(test);
        topLevel.forEach((name, top) -> {
            if (top.equals(test) && !name.equals(test)) {
                roots.add(name);
            }
        });
        Collections.sort(roots);
        return roots;
    }

    /**
     * A breadth-first walk over the graph, each reached type mapped to the type it was reached
     * from (roots to themselves); stops once {@code target} is reached when it is not null.
     */
    private Map<String, String> walk(List<String> roots, String target) {
        Map<String, String> parents = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String root : roots) {
            parents.put(root, root);
            queue.add(root);
        }
        while (!queue.isEmpty()) {
            String type = queue.poll();
            if (type.equals(target)) {
                break;
            }
            for (String next : edges.getOrDefault(type, Set.of())) {
                if (parents.putIfAbsent(next, type) == null) {
                    queue.add(next);
                }
            }
        }
        return parents;
    }

    /**
     * A readable path from the test to a type in its closure; a step that only a string constant
     * makes reads {@code -(string)->}.
     */
    private String path(String test, String target) {
        Map<String, String> parents = walk(roots(test), target);
        StringBuilder path = new StringBuilder(target);
        Set<String> seen = new HashSet<>();
        String type = target;
        String parent = parents.get(type);
        while (parent != null && !parent.equals(type) && seen.add(type)) {
            String arrow = stringOnlyEdges.contains(parent + " " + type) ? " -(string)-> " : " -> ";
            path.insert(0, parent + arrow);
            type = parent;
            parent = parents.get(type);
        }
        return path.toString();
    }

    private String reason(String test, Set<String> reached) {
        Set<String> closure = closure(test);
        List<String> reasons = new ArrayList<>();
        for (String type : reached) {
            if (closure.contains(type)) {
                reasons.add("reaches " + type + " via " + path(test, type));
                continue;
            }
            String mentioner = mentionIn(closure, type);
            if (mentioner != null) {
                reasons.add("names " + type + " in a string constant of " + mentioner + " (via "
                        + path(test, mentioner) + ")");
                continue;
            }
            String scanner = scanner(closure);
            reasons.add(type + " is a main type and the test runs a class-path scanner " + scanner + " (via "
                    + path(test, scanner) + ")");
        }
        return String.join("; ", reasons);
    }

    /** The first class in the closure whose strings name the type, or null. */
    private String mentionIn(Set<String> closure, String type) {
        String canonical = type.replace('$', '.');
        String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        boolean simpleIsName = !simple.isEmpty() && Character.isJavaIdentifierStart(simple.charAt(0));
        return closure.stream().sorted().filter(name -> {
            Set<String> names = stringNames.getOrDefault(name, Set.of());
            return names.contains(type) || names.contains(canonical) || simpleIsName && names.contains(simple);
        }).findFirst().orElse(null);
    }

    /** The first class-path scanner the closure carries, or null. */
    private static String scanner(Set<String> closure) {
        return CLASS_PATH_SCANNERS.stream().sorted().filter(closure::contains).findFirst().orElse(null);
    }

    private static void read(Map<String, byte[]> classes, Map<String, Node> nodes, Map<String, String> broken,
            Set<String> names) {
        classes.forEach((key, bytes) -> {
            String fallback = binaryName(key);
            try {
                ClassReader reader = new ClassReader(bytes);
                Collector collector = new Collector();
                reader.accept(collector, ClassReader.SKIP_FRAMES);
                String name = binaryName(reader.getClassName());
                nodes.put(name, collector.node());
                names.add(name);
            } catch (RuntimeException e) {
                broken.put(fallback, e.getClass().getSimpleName());
                nodes.putIfAbsent(fallback, new Node(Set.of(), null, Set.of(), false));
                names.add(fallback);
            }
        });
    }

    private static Map<String, byte[]> readDirectory(Path root) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return classes;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(CLASS_SUFFIX)).toList();
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            classes.put(relative, Files.readAllBytes(file));
        }
        return classes;
    }

    /** The top-level class a class belongs to, following outer classes known from the bytes. */
    private static String topLevelOf(String name, Map<String, Node> nodes) {
        String current = name;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Node node = nodes.get(current);
            String outer = node == null ? null : node.outer();
            if (outer == null) {
                break;
            }
            current = outer;
        }
        return current;
    }

    /** A binary name from an internal or binary name, with or without a {@code .class} suffix. */
    static String binaryName(String name) {
        String trimmed = name.endsWith(CLASS_SUFFIX) ? name.substring(0, name.length() - CLASS_SUFFIX.length()) : name;
        return trimmed.replace('/', '.');
    }

    /** The names a string could mean: every run of its dotted or slashed segments, joined by dots. */
    private static void addStringNames(String text, Set<String> names) {
        Matcher matcher = NAME_TOKEN.matcher(text);
        while (matcher.find()) {
            String[] segments = SEGMENT_SEPARATOR.split(matcher.group());
            for (int from = 0; from < segments.length; from++) {
                StringBuilder joined = new StringBuilder();
                for (int to = from; to < segments.length && to - from < MAX_NAME_SEGMENTS; to++) {
                    if (to > from) {
                        joined.append('.');
                    }
                    joined.append(segments[to]);
                    names.add(joined.toString());
                }
            }
        }
    }

    /** Collects every type a class file refers to, and the names in its strings. */
    private static final class Collector extends ClassVisitor {

        private final Set<String> references = new HashSet<>();
        private final Set<String> strings = new HashSet<>();
        private String name;
        private String outer;
        private boolean nestHostSeen;
        private boolean abstractOrInterface;

        Collector() {
            super(Opcodes.ASM9);
        }

        Node node() {
            Set<String> names = new HashSet<>();
            for (String text : strings) {
                addStringNames(text, names);
            }
            return new Node(references, outer, names, abstractOrInterface);
        }

        private void internalName(String internal) {
            if (internal != null) {
                if (internal.startsWith("[")) {
                    type(Type.getType(internal));
                } else {
                    references.add(binaryName(internal));
                }
            }
        }

        private void descriptor(String descriptor) {
            if (descriptor != null) {
                type(Type.getType(descriptor));
            }
        }

        private void type(Type type) {
            switch (type.getSort()) {
                case Type.ARRAY -> type(type.getElementType());
                case Type.OBJECT -> references.add(binaryName(type.getInternalName()));
                case Type.METHOD -> {
                    for (Type argument : type.getArgumentTypes()) {
                        type(argument);
                    }
                    type(type.getReturnType());
                }
                default -> {
                    // primitive types refer to no class
                }
            }
        }

        private void signature(String signature) {
            if (signature == null) {
                return;
            }
            Deque<String> open = new ArrayDeque<>();
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                @Override
                public void visitClassType(String internal) {
                    open.push(internal);
                    internalName(internal);
                }

                @Override
                public void visitInnerClassType(String inner) {
                    String nested = open.isEmpty() ? inner : open.pop() + "$" + inner;
                    open.push(nested);
                    internalName(nested);
                }

                @Override
                public void visitEnd() {
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                }
            });
        }

        private void constant(Object value) {
            if (value instanceof Type type) {
                type(type);
            } else if (value instanceof String text) {
                strings.add(text);
            } else if (value instanceof Handle handle) {
                internalName(handle.getOwner());
                descriptor(handle.getDesc());
            } else if (value instanceof ConstantDynamic dynamic) {
                descriptor(dynamic.getDescriptor());
                constant(dynamic.getBootstrapMethod());
                for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                    constant(dynamic.getBootstrapMethodArgument(i));
                }
            }
        }

        private AnnotationVisitor annotation(String descriptor) {
            descriptor(descriptor);
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String key, Object value) {
                    constant(value);
                }

                @Override
                public void visitEnum(String key, String enumDescriptor, String value) {
                    descriptor(enumDescriptor);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String key, String nestedDescriptor) {
                    return annotation(nestedDescriptor);
                }

                @Override
                public AnnotationVisitor visitArray(String key) {
                    return this;
                }
            };
        }

        @Override
        public void visit(int version, int access, String internal, String signature, String superName,
                String[] interfaces) {
            name = internal;
            abstractOrInterface = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0;
            signature(signature);
            internalName(superName);
            if (interfaces != null) {
                for (String implemented : interfaces) {
                    internalName(implemented);
                }
            }
        }

        @Override
        public void visitNestHost(String nestHost) {
            internalName(nestHost);
            outer = binaryName(nestHost);
            nestHostSeen = true;
        }

        @Override
        public void visitOuterClass(String owner, String method, String descriptor) {
            internalName(owner);
            descriptor(descriptor);
            if (!nestHostSeen) {
                outer = binaryName(owner);
            }
        }

        @Override
        public void visitNestMember(String nestMember) {
            internalName(nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            internalName(permittedSubclass);
        }

        @Override
        public void visitInnerClass(String inner, String outerName, String innerName, int access) {
            internalName(inner);
            internalName(outerName);
            if (inner.equals(name) && outerName != null && !nestHostSeen) {
                outer = binaryName(outerName);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitAttribute(Attribute attribute) {
            // non-standard attributes name no types ASM can see
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String component, String descriptor, String signature) {
            descriptor(descriptor);
            signature(signature);
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            signature(signature);
            constant(value);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return annotation(annotation);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            descriptor(descriptor);
            signature(signature);
            if (exceptions != null) {
                for (String exception : exceptions) {
                    internalName(exception);
                }
            }
            return new MethodReferences();
        }

        /** Collects the types a method's annotations and body refer to. */
        private final class MethodReferences extends MethodVisitor {

            MethodReferences() {
                super(Opcodes.ASM9);
            }

            @Override
            public AnnotationVisitor visitAnnotationDefault() {
                return annotation(null);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                    boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                    boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                    boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                    Label[] end, int[] index, String descriptor, boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                internalName(type);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
                internalName(owner);
                descriptor(descriptor);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String descriptor,
                    boolean isInterface) {
                internalName(owner);
                descriptor(descriptor);
            }

            @Override
            public void visitInvokeDynamicInsn(String method, String descriptor, Handle bootstrap,
                    Object... arguments) {
                descriptor(descriptor);
                constant(bootstrap);
                for (Object argument : arguments) {
                    constant(argument);
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                constant(value);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                descriptor(descriptor);
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                internalName(type);
            }

            @Override
            public void visitLocalVariable(String variable, String descriptor, String signature, Label start,
                    Label end, int index) {
                descriptor(descriptor);
                signature(signature);
            }
        }
    }
}
