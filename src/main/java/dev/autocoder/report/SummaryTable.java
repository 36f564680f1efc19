package dev.autocoder.report;

import dev.autocoder.model.TokenUsage;
import dev.autocoder.state.TaskState;
import dev.autocoder.verify.SubBuildCosts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The plain-text table the build log ends with: per task what it took, and the totals. */
public final class SummaryTable {

    private static final List<String> HEADERS = List.of("task", "attempts", "verdict",
            "input tokens", "cached tokens", "output tokens", "est. cost", "model time", "verify time", "rounds",
            "sub-build time", "share");
    private static final String GAP = "  ";
    private static final int UNIT = 1000;
    private static final List<String> SIZE_UNITS = List.of("kB", "MB", "GB", "TB");

    private SummaryTable() {
    }

    /**
     * The table's lines, without line ends, so a logger can print each as its own line. The footer
     * says how much disk the state folder takes, so growth shows before the disk fills.
     *
     * @param model the model every task used, to look up its price
     * @param stateFolder the state folder as the user knows it, for example {@code target/autocoder}
     * @param stateBytes what the state folder holds after the run
     */
    public static List<String> render(List<TaskState> states, String model, PriceTable prices, String stateFolder,
            long stateBytes) {
        return render(states, model, prices, stateFolder, stateBytes, RunCost.NONE);
    }

    /**
     * The table with what the run's sub-builds cost: per task the sub-builds it took part in, its
     * share of their time and that share of the run's wall time; the final check in a row of its own;
     * and a footer line with the run against the project's own last test time.
     */
    public static List<String> render(List<TaskState> states, String model, PriceTable prices, String stateFolder,
            long stateBytes, RunCost cost) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        rows.add(null);
        TokenUsage totalUsage = TokenUsage.NONE;
        long attempts = 0;
        long modelMillis = 0;
        long verifyMillis = 0;
        for (TaskState state : states) {
            TokenUsage usage = state.usage();
            int tries = state.attempts().size();
            rows.add(withCost(row(state.task(), tries, state.status().name().toLowerCase(Locale.ROOT),
                    usage, prices.cost(model, usage), state.modelMillis(), state.verifyMillis()), cost, state.task()));
            totalUsage = totalUsage.plus(usage);
            attempts += tries;
            modelMillis += state.modelMillis();
            verifyMillis += state.verifyMillis();
        }
        if (cost.tasks().containsKey(SubBuildCosts.FINAL_CHECK)) {
            List<String> check = new ArrayList<>(List.of(SubBuildCosts.FINAL_CHECK, "", "", "", "", "", "", "", ""));
            rows.add(withCost(check, cost, SubBuildCosts.FINAL_CHECK));
        }
        rows.add(null);
        List<String> total = new ArrayList<>(row("total", attempts, verdicts(states), totalUsage,
                prices.cost(model, totalUsage), modelMillis, verifyMillis));
        total.addAll(List.of(String.valueOf(cost.subBuilds()), seconds(cost.subBuildMillis()),
                cost.runMillis() <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%%",
                        100.0 * cost.subBuildMillis() / cost.runMillis())));
        rows.add(total);
        List<String> lines = layout(rows);
        if (cost.runMillis() > 0) {
            lines.add(cost.footer());
        }
        if (!cost.profiles().isEmpty()) {
            lines.add("sub-build profiles (profile): " + cost.profiles().size() + ", newest "
                    + cost.profiles().get(cost.profiles().size() - 1));
        }
        lines.add("state folder " + stateFolder + ": " + size(stateBytes));
        return lines;
    }

    /** Decimal units, one place after the point: {@code 812 B}, {@code 4.3 kB}, {@code 1.2 MB}. */
    static String size(long bytes) {
        if (bytes < UNIT) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= UNIT && unit < SIZE_UNITS.size() - 1) {
            value /= UNIT;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, SIZE_UNITS.get(unit));
    }

    private static List<String> row(String task, long attempts, String verdict, TokenUsage usage,
            Optional<BigDecimal> cost, long modelMillis, long verifyMillis) {
        return List.of(task, String.valueOf(attempts), verdict,
                String.format(Locale.ROOT, "%,d", usage.inputTokens()),
                String.format(Locale.ROOT, "%,d", usage.cachedInputTokens()),
                String.format(Locale.ROOT, "%,d", usage.outputTokens()),
                cost.map(dollars -> "$" + dollars.setScale(4, RoundingMode.HALF_UP).toPlainString())
                        .orElse("n/a"),
                seconds(modelMillis), seconds(verifyMillis));
    }

    private static List<String> withCost(List<String> row, RunCost cost, String task) {
        List<String> withCost = new ArrayList<>(row);
        SubBuildCosts.Cost share = cost.of(task);
        withCost.addAll(List.of(String.valueOf(share.subBuilds()), seconds(share.millis()), cost.share(task)));
        return withCost;
    }

    private static String verdicts(List<TaskState> states) {
        long verified = states.stream()
                .filter(state -> state.status() == TaskState.Status.VERIFIED).count();
        return verified + "/" + states.size() + " verified";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Pads every column to its widest cell; null rows become rules. Text left, numbers right. */
    private static List<String> layout(List<List<String>> rows) {
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int column = 0; row != null && column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                if (column > 0) {
                    line.append(GAP);
                }
                String cell = row == null ? "-".repeat(widths[column]) : row.get(column);
                String padding = " ".repeat(widths[column] - cell.length());
                boolean text = column == 0 || column == 2;
                line.append(text ? cell + padding : padding + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
