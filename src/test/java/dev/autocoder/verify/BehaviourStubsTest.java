package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourStubsTest {

    @TempDir
    Path dir;

    private static final String PRICING = """
            package com.shop;

            import java.util.Comparator;
            import java.util.List;

            public class Pricing extends Base {
                public static final int PERCENT = 100;
                private final int rate;

                public Pricing(int rate) {
                    super("pricing");
                    this.rate = rate;
                }

                public Pricing() {
                    this(20);
                }

                public long total(long cents) {
                    Runnable audit = new Runnable() {
                        @Override
                        public void run() {
                            System.out.println(cents);
                        }
                    };
                    audit.run();
                    return cents + cents * rate / PERCENT;
                }

                public List<String> sorted(List<String> names) {
                    return names.stream().sorted(Comparator.naturalOrder()).toList();
                }

                public interface Rule {
                    default boolean applies(long cents) {
                        return cents > 0;
                    }
                }

                public record Quote(long cents) {
                    public Quote {
                        if (cents < 0) {
                            throw new IllegalArgumentException("negative");
                        }
                    }
                }
            }

            class Base {
                final String name;

                Base(String name) {
                    this.name = name;
                }
            }
            """;

    @Test
    void theStubKeepsEveryTypeAndSignatureAndThrowsFromEveryBody() throws Exception {
        CodeUnit stub = BehaviourStubs.of(unit("com.shop.Pricing", PRICING, false)).orElseThrow();

        assertTrue(stub.source().contains("public static final int PERCENT = 100;"), stub.source());
        assertTrue(stub.source().contains("super(\"pricing\");\n        this.rate = rate;"), "constructors stay");
        ClassLoader loader = compile(stub);
        Class<?> pricing = loader.loadClass("com.shop.Pricing");
        assertEquals(100, pricing.getField("PERCENT").getInt(null), "constants keep their values");
        Object made = pricing.getConstructor().newInstance();
        InvocationTargetException total = assertThrows(InvocationTargetException.class,
                () -> pricing.getMethod("total", long.class).invoke(made, 100L));
        assertEquals(UnsupportedOperationException.class, total.getCause().getClass());
        assertTrue(total.getCause().getMessage().contains("autocoder baseline"), total.getCause().getMessage());
        Class<?> quote = loader.loadClass("com.shop.Pricing$Quote");
        InvocationTargetException negative = assertThrows(InvocationTargetException.class,
                () -> quote.getConstructor(long.class).newInstance(-5L));
        assertEquals(IllegalArgumentException.class, negative.getCause().getClass(), "a compact constructor stays");
        Class<?> rule = loader.loadClass("com.shop.Pricing$Rule");
        Object anyRule = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {rule},
                (proxy, method, args) -> java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args));
        InvocationTargetException applies = assertThrows(InvocationTargetException.class,
                () -> rule.getMethod("applies", long.class).invoke(anyRule, 5L));
        assertEquals(UnsupportedOperationException.class, applies.getCause().getClass(), "a default method throws too");
        assertFalse(stub.source().contains("System.out.println"), "a class declared in a body goes with it");
        assertEquals(List.of("total", "sorted"), List.of(pricing.getMethod("total", long.class).getName(),
                pricing.getMethod("sorted", List.class).getName()), "the signatures stay");
    }

    @Test
    void aUnitThatDoesNotParseHasNoStub() {
        assertEquals(Optional.empty(), BehaviourStubs.of(unit("com.shop.Broken",
                "package com.shop; public class Broken { void x() { ", false)));
    }

    private ClassLoader compile(CodeUnit unit) throws Exception {
        Path source = dir.resolve("src").resolve(unit.packageName().replace('.', '/')).resolve(unit.typeName() + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, unit.source());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), source.toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)),
                "the stub compiles:\n" + unit.source());
        return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
