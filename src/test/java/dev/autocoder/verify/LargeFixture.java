package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.candidate;
import static dev.autocoder.verify.TestProject.unit;

/**
 * A generated project for the benchmark, large enough that its test suite costs something: 300
 * main classes in 20 packages, each with a test class of 4 JUnit 5 tests, and a test class of the
 * project that waits for a {@code Ledger} the task candidate writes.
 */
final class LargeFixture {

    static final int CLASSES = 300;
    static final int PACKAGES = 20;
    static final int TESTS_PER_CLASS = 4;
    static final String LEDGER = "com.example.big.ledger.Ledger";
    static final String LEDGER_PATH = "com/example/big/ledger/Ledger.java";

    private static final String LEDGER_SOURCE = """
            package com.example.big.ledger;

            import com.example.big.p07.Item7;
            import java.util.ArrayList;
            import java.util.List;

            public final class Ledger {
                private final List<Item7> items = new ArrayList<>();

                public Ledger add(int base) {
                    items.add(new Item7(base));
                    return this;
                }

                public int total(int factor) {
                    int sum = 0;
                    for (Item7 item : items) {
                        sum += item.scaled(factor);
                    }
                    return sum;
                }
            }
            """;

    private static final String LEDGER_TEST = """
            package com.example.big.ledger;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertSame;
            import org.junit.jupiter.api.Test;

            class LedgerTest {
                @Test
                void startsEmpty() {
                    assertEquals(0, new Ledger().total(3));
                }

                @Test
                void scalesOneItem() {
                    assertEquals(2 * 3 + 7, new Ledger().add(2).total(3));
                }

                @Test
                void sumsItems() {
                    assertEquals(1 + 7 + 2 + 7, new Ledger().add(1).add(2).total(1));
                }

                @Test
                void addsInPlace() {
                    Ledger ledger = new Ledger();
                    assertSame(ledger, ledger.add(1));
                }
            }
            """;

    private static final String ITEM = """
            package com.example.big.%1$s;

            /** Item %2$d of the generated project. */
            public final class Item%2$d {
                private final int base;

                public Item%2$d(int base) {
                    this.base = base;
                }

                public int scaled(int factor) {
                    return base * factor + %2$d;
                }

                public String label() {
                    return "item%2$d-" + base;
                }

                public boolean even() {
                    return base %% 2 == 0;
                }

                public int chained() {
                    return %3$s + scaled(1);
                }
            }
            """;

    private static final String ITEM_TEST = """
            package com.example.big.%1$s;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertFalse;
            import static org.junit.jupiter.api.Assertions.assertTrue;
            import org.junit.jupiter.api.Test;

            class Item%2$dTest {
                @Test
                void scales() {
                    assertEquals(2 * 3 + %2$d, new Item%2$d(2).scaled(3));
                }

                @Test
                void labels() {
                    assertEquals("item%2$d-5", new Item%2$d(5).label());
                }

                @Test
                void tellsEven() {
                    assertTrue(new Item%2$d(4).even());
                    assertFalse(new Item%2$d(5).even());
                }

                @Test
                void chains() {
                    assertTrue(new Item%2$d(1).chained() > 0);
                }
            }
            """;

    private LargeFixture() {
    }

    /** Writes the project's classes and tests, without the candidate's {@code Ledger}. */
    static TestProject populate(TestProject project) {
        for (int i = 0; i < CLASSES; i++) {
            String pkg = "p%02d".formatted(i % PACKAGES);
            // An item calls the one before it in its package, so the compile has references to resolve.
            String chained = i >= PACKAGES ? "new Item" + (i - PACKAGES) + "(base).scaled(2)" : "scaled(3)";
            String folder = "com/example/big/" + pkg + "/Item" + i;
            project.main(folder + ".java", ITEM.formatted(pkg, i, chained))
                    .test(folder + "Test.java", ITEM_TEST.formatted(pkg, i));
        }
        return project.test("com/example/big/ledger/LedgerTest.java", LEDGER_TEST);
    }

    /** The task's candidate: the {@code Ledger} that the project's {@code LedgerTest} names. */
    static Candidate ledger() {
        return candidate("ledger", ledgerUnit());
    }

    static CodeUnit ledgerUnit() {
        return unit(LEDGER, LEDGER_SOURCE, false);
    }

    /** Test classes and tests of the project once the candidate is in. */
    static int testClasses() {
        return CLASSES + 1;
    }

    static int tests() {
        return (CLASSES + 1) * TESTS_PER_CLASS;
    }
}
