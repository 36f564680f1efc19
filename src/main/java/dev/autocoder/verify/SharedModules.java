package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The modules a sub-build writes for its plans: plans that build exactly the same code share one.
 *
 * <p>When several tasks' candidates go into one round, each plan holds its candidate and the newest
 * published code of every other task, which by then is the other candidates of the round. So the
 * plans of {@code a1} (with {@code b1}) and of {@code b1} (with {@code a1}) build the same sources and
 * differ only in whose they are and which tests they select. Building them as two modules compiles
 * the same code twice and starts the same test JVM, Spring contexts included, twice. One module
 * with every selected test gives each plan the same outcome: each plan reads that module with its
 * own split of the code into its candidate's and the others' (so findings are charged as before),
 * and sees only the tests it selected.
 */
final class SharedModules {

    private final List<SubBuildReactor.Plan> plans;
    private final List<SubBuildReactor.Plan> modules;
    private final int[] moduleOf;

    private SharedModules(List<SubBuildReactor.Plan> plans, List<SubBuildReactor.Plan> modules, int[] moduleOf) {
        this.plans = plans;
        this.modules = modules;
        this.moduleOf = moduleOf;
    }

    /** The modules for these plans, in the order of each module's first plan. */
    static SharedModules of(List<SubBuildReactor.Plan> plans) {
        Map<Key, Integer> byCode = new HashMap<>();
        List<List<SubBuildReactor.Plan>> groups = new ArrayList<>();
        int[] moduleOf = new int[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            SubBuildReactor.Plan plan = plans.get(i);
            Integer module = byCode.computeIfAbsent(Key.of(plan), key -> {
                groups.add(new ArrayList<>());
                return groups.size() - 1;
            });
            groups.get(module).add(plan);
            moduleOf[i] = module;
        }
        return new SharedModules(List.copyOf(plans), groups.stream().map(SharedModules::merge).toList(), moduleOf);
    }

    /**
     * What decides whether two plans build the same thing: all their code, what the build leaves out,
     * and whether the modules that build on it are built too.
     */
    private record Key(Set<CodeUnit> code, RoundTrimming trimming, boolean dependents) {
        static Key of(SubBuildReactor.Plan plan) {
            return new Key(SharedModules.code(plan), plan.trimming(), plan.dependents());
        }
    }

    /** All the code a plan builds, its candidate's and the others', whoever wrote it. */
    static Set<CodeUnit> code(SubBuildReactor.Plan plan) {
        Set<CodeUnit> code = new HashSet<>(plan.own());
        code.addAll(plan.others());
        return code;
    }

    /**
     * One module for plans that build the same code: every candidate's code is its own, so each
     * plan's candidate is checked by the checks that look only at a plan's own files; it runs every
     * test any of them selects (all of them when one runs the whole test phase) and leaves out of
     * the test compile only what every one of them leaves out.
     */
    private static SubBuildReactor.Plan merge(List<SubBuildReactor.Plan> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        Set<CodeUnit> own = new LinkedHashSet<>();
        group.forEach(plan -> own.addAll(plan.own()));
        List<CodeUnit> others = new ArrayList<>(new LinkedHashSet<>(group.get(0).others()));
        others.removeAll(own);
        List<String> excluded = new ArrayList<>(new LinkedHashSet<>(group.get(0).excludedTests()));
        group.forEach(plan -> excluded.retainAll(plan.excludedTests()));
        Optional<List<String>> tests = group.stream().anyMatch(plan -> plan.tests().isEmpty()) ? Optional.empty()
                : Optional.of(List.copyOf(new TreeSet<>(group.stream().flatMap(plan -> plan.tests().orElseThrow()
                        .stream()).toList())));
        SubBuildReactor.Plan merged = new SubBuildReactor.Plan(List.copyOf(own), others, excluded, tests,
                group.get(0).trimming());
        return group.get(0).dependents() ? merged.withDependents() : merged;
    }

    /** The modules to write, fewer than the plans when some share one. */
    List<SubBuildReactor.Plan> modules() {
        return modules;
    }

    /** The index of the module that builds plan {@code plan}. */
    int moduleOf(int plan) {
        return moduleOf[plan];
    }

    /**
     * The outcomes of the tests plan {@code plan} selected, out of everything its module ran: a test
     * another plan of the module selected cannot depend on this plan's candidate, and would not
     * have run in a module of its own.
     */
    List<SubBuildResults.TestResult> testsOf(int plan, List<SubBuildResults.TestResult> ran) {
        Optional<List<String>> selected = plans.get(plan).tests();
        if (!shares(plan) || selected.isEmpty()) {
            return ran;
        }
        Set<String> classes = Set.copyOf(selected.get());
        return ran.stream().filter(test -> classes.contains(test.testClass())).toList();
    }

    /** Whether plan {@code plan} shares its module with another plan. */
    boolean shares(int plan) {
        return modules.get(moduleOf[plan]) != plans.get(plan);
    }

    /** How many plans share their module with another plan. */
    int sharing() {
        return (int) java.util.stream.IntStream.range(0, plans.size()).filter(this::shares).count();
    }
}
