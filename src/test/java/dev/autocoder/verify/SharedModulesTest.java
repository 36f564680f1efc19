package dev.autocoder.verify;

import static dev.autocoder.verify.TestProject.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedModulesTest {

    private static final CodeUnit TAX = unit("com.shop.Tax", "package com.shop; public class Tax { }", false);
    private static final CodeUnit TAX_TEST = unit("com.shop.TaxTest", "package com.shop; class TaxTest { }", true);
    private static final CodeUnit SHIPPING = unit("com.shop.Shipping", "package com.shop; public class Shipping { }",
            false);
    private static final CodeUnit OLD_SHIPPING = unit("com.shop.Shipping",
            "package com.shop; public class Shipping { int old; }", false);

    private static SubBuildReactor.Plan plan(List<CodeUnit> own, List<CodeUnit> others, List<String> excluded,
            Optional<List<String>> tests) {
        return new SubBuildReactor.Plan(own, others, excluded, tests, RoundTrimming.NONE);
    }

    /** A plan of one candidate unit built with one other unit, running the given tests (none: the whole phase). */
    private static SubBuildReactor.Plan selecting(CodeUnit own, CodeUnit other, String... tests) {
        return plan(List.of(own), List.of(other), List.of(), tests.length == 0 ? Optional.empty()
                : Optional.of(List.of(tests)));
    }

    @Test
    void plansThatBuildTheSameCodeShareOneModuleThatRunsEveryTestEitherSelects() {
        SubBuildReactor.Plan tax = plan(List.of(TAX, TAX_TEST), List.of(SHIPPING),
                List.of("com/shop/LedgerTest.java", "com/shop/FreeShippingTest.java"),
                Optional.of(List.of("com.shop.CheckoutTest", "com.shop.TaxTest")));
        SubBuildReactor.Plan shipping = plan(List.of(SHIPPING), List.of(TAX_TEST, TAX),
                List.of("com/shop/LedgerTest.java", "com/shop/CheckoutTest.java"),
                Optional.of(List.of("com.shop.FreeShippingTest")));

        SharedModules modules = SharedModules.of(List.of(tax, shipping));

        assertEquals(1, modules.modules().size());
        SubBuildReactor.Plan module = modules.modules().get(0);
        assertEquals(Set.of(TAX, TAX_TEST, SHIPPING), Set.copyOf(module.own()), "each candidate's files are checked");
        assertEquals(List.of(), module.others());
        assertEquals(List.of("com/shop/LedgerTest.java"), module.excludedTests(),
                "a test one plan runs is compiled, even when the other leaves it out");
        assertEquals(Optional.of(List.of("com.shop.CheckoutTest", "com.shop.FreeShippingTest", "com.shop.TaxTest")),
                module.tests());
        assertEquals(0, modules.moduleOf(0));
        assertEquals(0, modules.moduleOf(1));
        assertTrue(modules.shares(0));
        assertTrue(modules.shares(1));
        assertEquals(2, modules.sharing());
    }

    @Test
    void eachSharingPlanSeesOnlyTheTestsItSelected() {
        SubBuildReactor.Plan tax = selecting(TAX, SHIPPING, "com.shop.CheckoutTest");
        SubBuildReactor.Plan shipping = selecting(SHIPPING, TAX, "com.shop.FreeShippingTest");
        List<SubBuildResults.TestResult> ran = List.of(
                new SubBuildResults.TestResult("com.shop.CheckoutTest", "com.shop.CheckoutTest#total",
                        "org.opentest4j.AssertionFailedError: expected: <125> but was: <115>", "CheckoutTest.total"),
                new SubBuildResults.TestResult("com.shop.FreeShippingTest", "com.shop.FreeShippingTest$Over#free", "",
                        ""));

        SharedModules modules = SharedModules.of(List.of(tax, shipping));

        assertEquals(List.of(ran.get(0)), modules.testsOf(0, ran));
        assertEquals(List.of(ran.get(1)), modules.testsOf(1, ran), "a nested class counts as its top-level class");
    }

    @Test
    void aPlanThatRunsTheWholeTestPhaseMakesTheSharedModuleRunItAndSeesEverything() {
        SubBuildReactor.Plan tax = selecting(TAX, SHIPPING);
        SubBuildReactor.Plan shipping = selecting(SHIPPING, TAX, "com.shop.FreeShippingTest");
        List<SubBuildResults.TestResult> ran = List.of(
                new SubBuildResults.TestResult("com.shop.CheckoutTest", "com.shop.CheckoutTest#total", "", ""),
                new SubBuildResults.TestResult("com.shop.FreeShippingTest", "com.shop.FreeShippingTest#free", "", ""));

        SharedModules modules = SharedModules.of(List.of(tax, shipping));

        assertEquals(Optional.empty(), modules.modules().get(0).tests());
        assertEquals(ran, modules.testsOf(0, ran));
        assertEquals(List.of(ran.get(1)), modules.testsOf(1, ran));
    }

    @Test
    void plansWithDifferentCodeKeepModulesOfTheirOwnAndSeeEverythingTheyRan() {
        SubBuildReactor.Plan tax = selecting(TAX, OLD_SHIPPING, "com.shop.CheckoutTest");
        SubBuildReactor.Plan shipping = selecting(SHIPPING, TAX, "com.shop.FreeShippingTest");
        SubBuildReactor.Plan alone = plan(List.of(TAX), List.of(), List.of(), Optional.of(List.of("com.shop.TaxTest")));
        List<SubBuildResults.TestResult> ran = List.of(
                new SubBuildResults.TestResult("com.shop.Surprise", "com.shop.Surprise#x", "", ""));

        SharedModules modules = SharedModules.of(List.of(tax, shipping, alone));

        assertEquals(3, modules.modules().size());
        assertSame(tax, modules.modules().get(0));
        assertSame(shipping, modules.modules().get(1));
        assertSame(alone, modules.modules().get(2));
        assertEquals(2, modules.moduleOf(2));
        assertFalse(modules.shares(1));
        assertEquals(0, modules.sharing());
        assertEquals(ran, modules.testsOf(0, ran), "a module of its own is read as it always was");
    }

    @Test
    void plansWithTheSameCodeButAnotherTrimmingDoNotShare() {
        SubBuildReactor.Plan round = selecting(TAX, SHIPPING);
        SubBuildReactor.Plan untrimmed = new SubBuildReactor.Plan(List.of(SHIPPING), List.of(TAX), List.of(),
                Optional.empty(), RoundTrimming.forRounds(List.of()));

        assertEquals(2, SharedModules.of(List.of(round, untrimmed)).modules().size());
    }
}
