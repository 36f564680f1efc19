package com.example.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The project's own ledger: the generated code has to call it with the right arguments. */
public final class Ledger {

    private final List<long[]> postings = new ArrayList<>();
    private final List<YearMonth> months = new ArrayList<>();
    private final List<Boolean> pending = new ArrayList<>();

    /**
     * Records a posting.
     *
     * @param month the month it belongs to
     * @param cents the amount in cents
     * @param isPending whether it is not yet cleared
     */
    public void post(YearMonth month, long cents, boolean isPending) {
        postings.add(new long[] {cents});
        months.add(month);
        pending.add(isPending);
    }

    /**
     * The balance of one month.
     *
     * @param month the month
     * @param includePending whether postings not yet cleared count
     * @return the sum in cents
     */
    public long balance(YearMonth month, boolean includePending) {
        long sum = 0;
        for (int i = 0; i < postings.size(); i++) {
            if (months.get(i).equals(month) && (includePending || !pending.get(i))) {
                sum += postings.get(i)[0];
            }
        }
        return sum;
    }
}
