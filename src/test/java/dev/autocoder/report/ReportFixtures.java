package dev.autocoder.report;

import dev.autocoder.model.TokenUsage;
import dev.autocoder.state.TaskState;
import dev.autocoder.state.TaskState.Attempt;
import dev.autocoder.state.TaskState.Clarification;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.SubBuildCosts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Task states as a run leaves them, for the report tests. */
final class ReportFixtures {

    static final String HOSTILE_CODE = """
            package com.example;
            /** </pre><script>document.body.dataset.pwned = 'yes';</script> */
            class Money {}
            """;

    /** Where the failing task's newest sub-build stays for diagnosis. */
    static final Path KEPT = Path.of("/work/target/autocoder/default/subbuild/build-42");

    private ReportFixtures() {
    }

    /** The report of a run with both tasks, the failing one with its kept sub-build folder. */
    static RunReport report() {
        return RunReport.of(List.of(verifiedMoney(), failedHostile()), Map.of(), Map.of("money/part-2", KEPT));
    }

    /** Where the profile of the run's one profiled sub-build is. */
    static final String PROFILE = "/work/target/autocoder/default/subbuild/build-7/profile.json";

    /**
     * What the run's sub-builds cost: a round that carried both tasks (10 s), a round of
     * money-utils alone (2 s) and the final check (6 s), in a run of 40 s whose project last tested
     * in 8 s.
     */
    static RunCost cost() {
        SubBuildCosts costs = new SubBuildCosts();
        costs.record(List.of("money-utils", "money/part-2"), 10_000);
        costs.record(List.of("money-utils"), 2_000);
        costs.record(List.of(SubBuildCosts.FINAL_CHECK), 6_000);
        return RunCost.of(40_000, costs, 8_000L, List.of(PROFILE));
    }

    /** Verified on the second attempt, after a compile error; one clarification. */
    static TaskState verifiedMoney() {
        TaskState state = new TaskState("money-utils", "fp");
        CodeUnit first = new CodeUnit("com.example", "Money", """
                package com.example;
                class Money {
                    long cents;
                }
                """, false);
        CodeUnit second = new CodeUnit("com.example", "Money", """
                package com.example;
                class Money {
                    long cents;
                    Money plus(Money other) { return this; }
                }
                """, false);
        state.recordModelCall(new TokenUsage(1_000_000, 200_000, 400_000), 3_000);
        state.recordModelCall(new TokenUsage(500_000, 100_000), 1_500);
        state.addClarification(new Clarification("Which <currency>?", "EUR & USD",
                Clarification.Source.USER));
        state.addAttempt(new Attempt(1, List.of(first), List.of(Feedback.blocking(
                Feedback.Stage.COMPILE, "Money.java:3: cannot find symbol <plus>")), false, 1_200));
        state.addAttempt(new Attempt(2, List.of(second), List.of(Feedback.advice(
                Feedback.Stage.CHECKSTYLE, "line 4 longer than 100")), true, 2_400));
        state.verified(List.of(second));
        return state;
    }

    /** Failed once, with code that tries to break out of the page. */
    static TaskState failedHostile() {
        TaskState state = new TaskState("money/part-2", "fp");
        state.recordModelCall(new TokenUsage(10, 20), 100);
        state.addAttempt(new Attempt(1, List.of(new CodeUnit("com.example", "Money", HOSTILE_CODE,
                false)), List.of(Feedback.blocking(Feedback.Stage.TEST, "expected <1> but was <2>")),
                false, 50));
        state.failed("gave up after 1 attempt: <script>alert(1)</script>");
        return state;
    }
}
