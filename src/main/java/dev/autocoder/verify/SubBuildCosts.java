package dev.autocoder.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run's sub-builds cost, and whom: each sub-build's wall time (laying it out and running
 * Maven) is shared equally by the tasks it ran for. A round that carried candidates of three tasks
 * gives each a third of its time and counts as one sub-build of each; a baseline is shared by the
 * tasks whose failing tests asked for it; the final check and its follow-ups are the run's, under
 * {@link #FINAL_CHECK}.
 */
public final class SubBuildCosts {

    /** Who the final check's sub-builds are charged to. */
    public static final String FINAL_CHECK = "(final check)";

    /**
     * One share.
     *
     * @param subBuilds how many sub-builds it took part in
     * @param millis its share of their wall time
     */
    public record Cost(int subBuilds, long millis) {
        /** Nothing spent. */
        public static final Cost NONE = new Cost(0, 0);

        Cost plus(long more) {
            return new Cost(subBuilds + 1, millis + more);
        }
    }

    private final Map<String, Cost> shares = new LinkedHashMap<>();
    private int subBuilds;
    private long millis;

    /**
     * Records one sub-build: its time split equally among {@code sharers}, the rest of an uneven
     * split to the first ones, so the shares add up to the sub-build's time.
     */
    public synchronized void record(List<String> sharers, long wallMillis) {
        subBuilds++;
        millis += wallMillis;
        List<String> distinct = sharers.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        long each = wallMillis / distinct.size();
        long rest = wallMillis % distinct.size();
        for (int i = 0; i < distinct.size(); i++) {
            long share = each + (i < rest ? 1 : 0);
            shares.merge(distinct.get(i), Cost.NONE.plus(share),
                    (old, added) -> new Cost(old.subBuilds() + 1, old.millis() + added.millis()));
        }
    }

    /** Each task's share, and the final check's under {@link #FINAL_CHECK}. */
    public synchronized Map<String, Cost> shares() {
        return Map.copyOf(shares);
    }

    /** Every sub-build of the run: how many, and their whole wall time. */
    public synchronized Cost total() {
        return new Cost(subBuilds, millis);
    }
}
