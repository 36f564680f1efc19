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
                        + "  model time  verify time  rounds  sub-build time  share",
                "------------  --------  ------------  ------------  -------------  -------------  ---------"
                        + "  ----------  -----------  ------  --------------  -----",
                "money-utils          2  verified         1,500,000        400,000        300,000    $0.3750"
                        + "       4.5 s        3.6 s       0           0.0 s      -",
                "money/part-2         1  failed                  10              0             20    $0.0000"
                        + "       0.1 s        0.1 s       0           0.0 s      -",
                "------------  --------  ------------  ------------  -------------  -------------  ---------"
                        + "  ----------  -----------  ------  --------------  -----",
                "total                3  1/2 verified     1,500,010        400,000        300,020    $0.3750"
                        + "       4.6 s        3.7 s       0           0.0 s      -",
                "state folder target/autocoder: 1.2 MB"), lines);
    }

    @Test
    void showsEachTasksRoundsSubBuildTimeAndShareTheFinalCheckAndTheRunAgainstTheProjectsTests() {
        List<String> lines = SummaryTable.render(List.of(ReportFixtures.verifiedMoney(),
                ReportFixtures.failedHostile()), "gpt-4o-mini", PriceTable.defaults(), "target/autocoder", 1_234_567,
                ReportFixtures.cost());

        List<List<String>> cells = lines.stream().filter(line -> !line.startsWith("-")).limit(5)
                .map(line -> List.of(line.split("\\s{2,}"))).toList();
        assertEquals(List.of("rounds", "sub-build time", "share"), cells.get(0).subList(9, 12));
        assertEquals(List.of("money-utils", "2", "7.0 s", "18%"), List.of(cells.get(1).get(0), cells.get(1).get(9),
                cells.get(1).get(10), cells.get(1).get(11)));
        assertEquals(List.of("money/part-2", "1", "5.0 s", "13%"), List.of(cells.get(2).get(0), cells.get(2).get(9),
                cells.get(2).get(10), cells.get(2).get(11)));
        assertEquals(List.of("(final check)", "1", "6.0 s", "15%"), cells.get(3));
        assertEquals(List.of("3", "18.0 s", "45%"), cells.get(4).subList(9, 12), "the total row");
        assertEquals(List.of("run 40.0 s, of it 3 sub-build(s) 18.0 s (45%); the project's own last test time 8.0 s:"
                + " the run took 5.0x that",
                "sub-build profiles (profile): 1, newest " + ReportFixtures.PROFILE,
                "state folder target/autocoder: 1.2 MB"), lines.subList(lines.size() - 3, lines.size()));
    }

    @Test
    void theProjectsTestTimeIsUnknownWithoutItsReports() {
        RunCost cost = new RunCost(12_000, 1, 3_000, java.util.Map.of(), null, List.of());

        assertEquals("run 12.0 s, of it 1 sub-build(s) 3.0 s (25%); the project's own last test time: unknown (no"
                + " surefire reports in its build folder)", cost.footer());
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
