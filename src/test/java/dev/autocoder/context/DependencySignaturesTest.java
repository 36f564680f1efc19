package dev.autocoder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.project.Dependency;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencySignaturesTest {

    private static final String STRING_UTILS = """
            package org.example.text;

            import java.util.List;

            public final class StringUtils {
                public static final String EMPTY = "";

                private StringUtils() {
                }

                public static String capitalize(String text) {
                    return text;
                }

                public static String join(String separator, Object... parts) {
                    return "";
                }

                public static <T extends Comparable<T>> List<T> sorted(List<? extends T> items)
                        throws java.io.IOException {
                    return List.of();
                }

                static void packagePrivateHelper() {
                }

                private static void secretHelper() {
                }
            }
            """;

    private static final String SHAPES = """
            package org.example.shapes;

            public interface Shape extends Comparable<Shape> {
                double area();

                default String describe() {
                    return "";
                }

                static Shape unit() {
                    return null;
                }
            }
            """;

    private static final String COLOR = """
            package org.example.shapes;

            public enum Color {
                RED, GREEN;

                public Color next() {
                    return this;
                }
            }
            """;

    @TempDir
    Path dir;

    private TestProject projectWithTextLibrary() {
        Path jar = TestJars.jar(dir.resolve("text-1.0.jar"), Map.of("org.example.text.StringUtils", STRING_UTILS));
        return new TestProject(dir.resolve("project"))
                .dependency(new Dependency("org.example", "text", "1.0", "compile", true, jar));
    }

    @Test
    void aClassTheTestsImportIsShownAsSignaturesFromItsJar() {
        TestProject project = projectWithTextLibrary().test("com/acme/GreeterTest.java", """
                package com.acme;

                import org.example.text.StringUtils;

                class GreeterTest {
                    String greeting = StringUtils.capitalize(new Greeter().greet());
                }
                """);

        ProjectContext.Context context = project.context(20_000).build("greeter", "Write a Greeter.", List.of());

        assertTrue(context.included().contains("dependency org.example.text.StringUtils from org.example:text:1.0"),
                context.included().toString());
        assertTrue(context.text().contains("""
                package org.example.text;

                import java.io.IOException;
                import java.util.List;

                public final class StringUtils {
                    public static final String EMPTY;
                    public static String capitalize(String);
                    public static String join(String, Object...);
                    public static <T extends Comparable<T>> List<T> sorted(List<? extends T>) throws IOException;
                }
                """), context.text());
    }

    @Test
    void aDependencyClassTheSpecNamesIsFoundInTheDirectDependenciesWithoutAnyTest() {
        TestProject project = projectWithTextLibrary();

        ProjectContext.Context context = project.context(20_000)
                .build("greeter", "Write a greeter that uses StringUtils to capitalize names.", List.of());

        assertTrue(context.text().contains("public static String capitalize(String);"), context.text());
    }

    @Test
    void interfacesAndEnumsReadFromClassFilesKeepTheirShape() {
        Path jar = TestJars.jar(dir.resolve("shapes.jar"),
                Map.of("org.example.shapes.Shape", SHAPES, "org.example.shapes.Color", COLOR));
        TestProject project = new TestProject(dir.resolve("project"))
                .dependency(new Dependency("org.example", "shapes", "2.1", "compile", true, jar));

        ProjectContext.Context context = project.context(20_000).build("paint",
                "Paint an org.example.shapes.Shape in an org.example.shapes.Color.", List.of());

        assertTrue(context.text().contains("""
                public interface Shape extends Comparable<Shape> {
                    public double area();
                    public default String describe();
                    public static Shape unit();
                }
                """), context.text());
        assertTrue(context.text().contains("""
                public enum Color {
                    RED, GREEN;
                """), context.text());
        assertTrue(context.text().contains("public Color next();"), context.text());
    }

    @Test
    void anUnreadableClassFileIsListedAsLeftOutWithTheReason() throws IOException {
        Path jar = dir.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("org/example/Broken.class"));
            out.write(new byte[] {1, 2, 3, 4});
        }
        TestProject project = new TestProject(dir.resolve("project"))
                .dependency(new Dependency("org.example", "broken", "1", "compile", true, jar));

        ProjectContext.Context context = project.context(20_000).build("x", "Wrap org.example.Broken.", List.of());

        assertEquals(List.of("dependency org.example.Broken from org.example:broken:1 (not a readable class file:"
                + " bad magic number)"), context.leftOut());
    }

    /** A project whose test {@code MoneyTest} has {@code body}, depending on the real junit-jupiter-api jar. */
    private TestProject projectOnRealJunit(String imports, String body) throws URISyntaxException {
        Path junitApi = Path.of(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new TestProject(dir.resolve("project"))
                .dependency(new Dependency("org.junit.jupiter", "junit-jupiter-api", "5.14.1", "test", true,
                        junitApi))
                .test("com/acme/MoneyTest.java", "package com.acme;\n\n" + imports
                        + "\nclass MoneyTest {\n    void check() {\n" + body + "    }\n}\n");
    }

    @Test
    void assertionsFromTheRealJunitJarAppearWhenATestImportsThem() throws URISyntaxException {
        TestProject project = projectOnRealJunit("""
                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertThrows;
                """, """
                        assertEquals(3, new Money(1).plus(new Money(2)).cents());
                        assertThrows(ArithmeticException.class, () -> new Money(1).divide(0));
                """);

        ProjectContext.Context context = project.context(200_000).build("money", "Write Money.", List.of());

        String text = context.text();
        assertTrue(text.contains("public class Assertions {"), text);
        assertTrue(text.contains("public static void assertEquals(int, int);"), text);
        assertTrue(text.contains("import org.junit.jupiter.api.function.Executable;"), text);
        assertTrue(text.contains("public static <T extends Throwable> T assertThrows(Class<T>, Executable);"), text);
        assertFalse(text.contains("<clinit>"), text);
        assertEquals(1, context.included().stream().filter(label -> label.startsWith("dependency ")).count());
    }

    @Test
    void aDependencyClassTooLargeToShowWholeShowsOnlyTheMembersTheTestsUse() throws URISyntaxException {
        TestProject project = projectOnRealJunit("import static org.junit.jupiter.api.Assertions.assertThrows;\n",
                "        assertThrows(ArithmeticException.class, () -> new Money(1).divide(0));\n");

        ProjectContext.Context context = project.context(5_000).build("money", "Write Money.", List.of());

        String whole = "dependency org.junit.jupiter.api.Assertions from org.junit.jupiter:junit-jupiter-api:5.14.1";
        assertTrue(context.leftOut().stream().anyMatch(label -> label.matches(whole + " \\(\\d+ chars\\)")),
                context.leftOut().toString());
        assertTrue(context.included().contains(whole + ", members used"), context.included().toString());
        assertTrue(context.text().contains("public static <T extends Throwable> T assertThrows(Class<T>, Executable);"),
                context.text());
        assertFalse(context.text().contains("assertEquals"), context.text());
    }
}
