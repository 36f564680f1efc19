package dev.autocoder.verify;

import java.util.List;
import java.util.Objects;

/**
 * One attempt at a task: every code unit the model offered in one reply (main code and tests).
 *
 * @param taskName the task this candidate answers
 * @param attempt 1 for the first reply, counting up with each refinement
 * @param units the code, never empty
 */
public record Candidate(String taskName, int attempt, List<CodeUnit> units) {

    public Candidate {
        Objects.requireNonNull(taskName, "taskName");
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one code unit");
        }
    }

    /** A label unique within a run, used for work folders and logs: {@code money-utils#2}. */
    public String id() {
        return taskName + "#" + attempt;
    }

    public List<CodeUnit> mainUnits() {
        return units.stream().filter(unit -> !unit.test()).toList();
    }

    public List<CodeUnit> testUnits() {
        return units.stream().filter(CodeUnit::test).toList();
    }
}
