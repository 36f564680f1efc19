package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubBuildCostsTest {

    @Test
    void subBuildTimeIsSharedEquallyByTheTasksOfABatchedRound() {
        SubBuildCosts costs = new SubBuildCosts();
        costs.record(List.of("money", "tax", "greeter"), 10_000);
        costs.record(List.of("money"), 2_500);
        costs.record(List.of(SubBuildCosts.FINAL_CHECK), 7_000);

        assertEquals(new SubBuildCosts.Cost(2, 5_834), costs.shares().get("money"));
        assertEquals(new SubBuildCosts.Cost(1, 3_333), costs.shares().get("tax"));
        assertEquals(new SubBuildCosts.Cost(1, 3_333), costs.shares().get("greeter"));
        assertEquals(new SubBuildCosts.Cost(1, 7_000), costs.shares().get(SubBuildCosts.FINAL_CHECK));
        assertEquals(new SubBuildCosts.Cost(3, 19_500), costs.total());
    }
}
