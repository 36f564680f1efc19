package dev.autocoder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceSignaturesTest {

    private static String signatures(String source) {
        return SourceSignatures.render(JavaSources.parse(List.of(new ProjectFile("X.java", source))).get(0));
    }

    @Test
    void recordsShowTheirComponentsAndVisibleNestedTypes() {
        String text = signatures("""
                package com.acme;

                import java.util.Objects;

                /** Docs are not signatures. */
                public record Money(long cents, @Deprecated String currency) implements Comparable<Money> {
                    public static final Money ZERO = new Money(0, "EUR");

                    public Money {
                        Objects.requireNonNull(currency);
                    }

                    public static Money of(long... parts) {
                        return ZERO;
                    }

                    public int compareTo(Money other) {
                        return 0;
                    }

                    public sealed interface Operation permits Add {
                        void apply();
                    }

                    public record Add() implements Operation {
                        public void apply() {
                        }
                    }

                    enum Hidden { A }
                }
                """);

        assertEquals("""
                package com.acme;

                import java.util.Objects;

                public record Money(long cents, @Deprecated String currency) implements Comparable<Money> {
                    public static final Money ZERO;
                    public Money(long cents, @Deprecated String currency);
                    public static Money of(long... parts);
                    public int compareTo(Money other);
                    public sealed interface Operation permits Add {
                        void apply();
                    }
                    public record Add() implements Operation {
                        public void apply();
                    }
                }
                """, text);
    }

    @Test
    void enumsAnnotationsAndGenericMethodsKeepTheirShape() {
        String text = signatures("""
                package com.acme;

                public enum Level {
                    LOW(1), HIGH(2) {
                        @Override
                        public int weight() {
                            return 9;
                        }
                    };

                    private final int weight;

                    Level(int weight) {
                        this.weight = weight;
                    }

                    public int weight() {
                        return weight;
                    }

                    protected <T extends Comparable<T>> T max(T a, T b) throws java.io.IOException {
                        return a;
                    }

                    public @interface Marker {
                        int value() default 3;
                    }
                }
                """);

        assertEquals("""
                package com.acme;

                public enum Level {
                    LOW, HIGH;
                    public int weight();
                    protected <T extends Comparable<T>> T max(T a, T b) throws java.io.IOException;
                    public @interface Marker {
                        int value() default 3;
                    }
                }
                """, text);
    }

    @Test
    void aFileThatDoesNotParseStillYieldsWhatCouldBeRead() {
        String text = signatures("""
                package com.acme;

                public class Broken {
                    public int fine() { return 1; }
                    public void broken( {
                }
                """);

        assertTrue(text.contains("public class Broken {"), text);
        assertTrue(text.contains("public int fine();"), text);
    }
}
