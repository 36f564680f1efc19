package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autocoder.model.TokenUsage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void costIsPricePerMillionTimesTokens() {
        BigDecimal cost = PriceTable.defaults().cost("gpt-4o-mini", new TokenUsage(2_000_000, 500_000))
                .orElseThrow();

        assertEquals(0, new BigDecimal("0.60").compareTo(cost), cost.toPlainString());
    }

    @Test
    void cachedInputTokensCostTheCachedPrice() {
        BigDecimal cost = PriceTable.defaults().cost("gpt-4o-mini", new TokenUsage(2_000_000, 0, 1_000_000))
                .orElseThrow();

        assertEquals(0, new BigDecimal("0.225").compareTo(cost), cost.toPlainString());
    }

    @Test
    void datedModelNamesUseTheLongestMatchingEntry() {
        PriceTable prices = PriceTable.defaults();

        assertEquals(PriceTable.Price.parse("0.15/0.60/0.075"), prices.price("gpt-4o-mini-2024-07-18")
                .orElseThrow());
        assertEquals(PriceTable.Price.parse("2.50/10.00/1.25"), prices.price("GPT-4o").orElseThrow());
    }

    @Test
    void anthropicsModelsArePricedByTheirFamily() {
        assertEquals(PriceTable.Price.parse("3/15/0.30"), PriceTable.defaults().price("claude-sonnet-4-5-20250929")
                .orElseThrow());
        assertEquals(PriceTable.Price.parse("15/75/1.50"), PriceTable.defaults().price("claude-opus-4-20250514")
                .orElseThrow());
    }

    @Test
    void aLocalServersModelsCostNothingUnlessPriced() {
        PriceTable local = PriceTable.local().with("gpt-oss:120b", PriceTable.Price.parse("0.10/0.50"));

        assertEquals(0, BigDecimal.ZERO.compareTo(local.cost("qwen2.5-coder:7b", new TokenUsage(10_000, 10_000))
                .orElseThrow()));
        assertEquals(0, new BigDecimal("0.60").compareTo(local.cost("gpt-oss:120b",
                new TokenUsage(1_000_000, 1_000_000)).orElseThrow()));
    }

    @Test
    void unknownModelHasNoCost() {
        assertTrue(PriceTable.defaults().cost("llama-3", new TokenUsage(1, 1)).isEmpty());
    }

    @Test
    void configuredPriceOverridesTheDefault() {
        PriceTable prices = PriceTable.defaults().with("gpt-4o", PriceTable.Price.parse(" 1 / 2 "));

        assertEquals(0, BigDecimal.valueOf(3).compareTo(
                prices.cost("gpt-4o", new TokenUsage(1_000_000, 1_000_000)).orElseThrow()));
    }

    @Test
    void malformedPriceIsRefusedQuotingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.Price.parse("cheap"));

        assertTrue(error.getMessage().contains("'cheap'"));
    }
}
