package com.example.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class StatementTest {

    @Test
    void rendersTheMonthsBalanceWithOrWithoutPendingPostings() {
        Ledger ledger = new Ledger();
        ledger.post(YearMonth.of(2026, 11), 1000, false);
        ledger.post(YearMonth.of(2026, 11), 500, true);

        assertEquals("2026-11: 15.00", Statement.render(ledger, YearMonth.of(2026, 11), true));
        assertEquals("2026-11: 10.00", Statement.render(ledger, YearMonth.of(2026, 11), false));
    }
}
