package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void rendersOneAlignedRowPerTaskAndTotals() {
        List<String> lines = SummaryTable.render(List.of(ReportFixtures.verifiedMoney(),
                ReportFixtures.failedHostile()), "gpt-4o-mini", PriceTable.defaults(), "target/autocoder", 1_234_567);

        assertEquals(List.of(
                "task          attempts  verdict       input tokens  cached tokens  output tokens  est. cost"
                        + "  model time  verify time",
                "------------  --------  ------------  ------------  -------------  -------------  ---------"
                        + "  ----------  -----------",
                "money-utils          2  verified         1,500,000        400,000        300,000    $0.3750"
                        + "       4.5 s        3.6 s",
                "money/part-2         1  failed                  10              0             20    $0.0000"
                        + "       0.1 s        0.1 s",
                "------------  --------  ------------  ------------  -------------  -------------  ---------"
                        + "  ----------  -----------",
                "total                3  1/2 verified     1,500,010        400,000        300,020    $0.3750"
                        + "       4.6 s        3.7 s",
                "state folder target/autocoder: 1.2 MB"), lines);
    }

    @Test
    void unknownModelShowsCostAsNotAvailable() {
        List<String> lines = SummaryTable.render(List.of(ReportFixtures.verifiedMoney()),
                "local-llama", PriceTable.defaults(), "target/autocoder", 0);

        assertEquals(List.of("n/a", "n/a"), lines.stream().filter(line -> !line.startsWith("-"))
                .skip(1).limit(2).map(line -> line.split("\\s{2,}")[6]).toList());
    }

    @Test
    void sizesReadInDecimalUnitsWithOnePlace() {
        assertEquals(List.of("0 B", "999 B", "1.0 kB", "4.3 kB", "5.0 MB", "561.2 MB", "2.5 GB"),
                List.of(0L, 999L, 1_000L, 4_321L, 4_999_999L, 561_234_567L, 2_500_000_000L).stream()
                        .map(SummaryTable::size).toList());
    }
}
