package dev.autocoder.report;

import dev.autocoder.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prices in US dollars per million input, output and cached input tokens, by model name, for the
 * cost estimate in the summary. The defaults are the public list prices when they were written
 * (OpenAI, 2025): gpt-4o-mini 0.15/0.60/0.075, gpt-4o 2.50/10.00/1.25, gpt-4.1 2.00/8.00/0.50,
 * gpt-4.1-mini 0.40/1.60/0.10, gpt-4.1-nano 0.10/0.40/0.025; and (Anthropic, 2025, cache reads
 * as the cached price) claude-opus-4 and claude-opus-4-1 15/75/1.50, claude-opus-4-5 5/25/0.50,
 * claude-sonnet-4 and claude-sonnet-4-5 3/15/0.30, claude-haiku-4-5 1/5/0.10, claude-3-5-haiku
 * 0.80/4/0.08. Configure others, or correct these, with {@link #with(String, Price)}; a model a
 * table has no entry for costs its fallback ({@link #local()}: nothing), or is left unpriced.
 */
public final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * What a million tokens cost, in dollars.
     *
     * @param cachedInputPerMillion the price of input tokens served from the provider's prompt cache
     */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion) {
        public Price {
            Objects.requireNonNull(inputPerMillion, "inputPerMillion");
            Objects.requireNonNull(outputPerMillion, "outputPerMillion");
            Objects.requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
            if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0 || cachedInputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("a price cannot be negative");
            }
        }

        /**
         * Reads the configuration form {@code input/output} or {@code input/output/cached}, for example
         * {@code 0.15/0.60/0.075}; without a cached price, cached input costs what input costs.
         *
         * @throws IllegalArgumentException naming the text when it has another form
         */
        public static Price parse(String text) {
            String[] parts = text.trim().split("\\s*/\\s*");
            try {
                if (parts.length == 2 || parts.length == 3) {
                    BigDecimal input = new BigDecimal(parts[0]);
                    return new Price(input, new BigDecimal(parts[1]),
                            parts.length == 3 ? new BigDecimal(parts[2]) : input);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(invalid(text), e);
            }
            throw new IllegalArgumentException(invalid(text));
        }

        private static String invalid(String text) {
            return "price '" + text + "' is not of the form input/output or input/output/cached in dollars"
                    + " per million tokens, for example 0.15/0.60/0.075";
        }

        /** The cost of a usage; cached input tokens are part of the input and cost the cached price. */
        public BigDecimal cost(TokenUsage usage) {
            long cached = Math.min(usage.cachedInputTokens(), usage.inputTokens());
            return inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens() - cached))
                    .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(cached)))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())))
                    .divide(MILLION);
        }
    }

    /** What a model run on the user's own machine costs per token. */
    public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    private final Map<String, Price> prices;
    private final Price fallback;

    private PriceTable(Map<String, Price> prices, Price fallback) {
        this.prices = prices;
        this.fallback = fallback;
    }

    /** The list prices of OpenAI's and Anthropic's models; other models are unpriced. */
    public static PriceTable defaults() {
        return empty().with("gpt-4o-mini", Price.parse("0.15/0.60/0.075"))
                .with("gpt-4o", Price.parse("2.50/10.00/1.25"))
                .with("gpt-4.1", Price.parse("2.00/8.00/0.50"))
                .with("gpt-4.1-mini", Price.parse("0.40/1.60/0.10"))
                .with("gpt-4.1-nano", Price.parse("0.10/0.40/0.025"))
                .with("claude-opus-4", Price.parse("15/75/1.50"))
                .with("claude-opus-4-1", Price.parse("15/75/1.50"))
                .with("claude-opus-4-5", Price.parse("5/25/0.50"))
                .with("claude-sonnet-4", Price.parse("3/15/0.30"))
                .with("claude-sonnet-4-5", Price.parse("3/15/0.30"))
                .with("claude-haiku-4-5", Price.parse("1/5/0.10"))
                .with("claude-3-5-haiku", Price.parse("0.80/4/0.08"));
    }

    /**
     * The table for a local server such as Ollama: a model costs nothing unless a price is configured
     * for it (a hosted model behind the same API).
     */
    public static PriceTable local() {
        return new PriceTable(new TreeMap<>(), FREE);
    }

    public static PriceTable empty() {
        return new PriceTable(new TreeMap<>(), null);
    }

    /** This table with the model's price set; model names are compared ignoring case. */
    public PriceTable with(String model, Price price) {
        Map<String, Price> copy = new TreeMap<>(prices);
        copy.put(model.toLowerCase(Locale.ROOT), price);
        return new PriceTable(copy, fallback);
    }

    /**
     * The model's price: its own entry, or else the longest entry it is a dated or suffixed
     * version of ({@code gpt-4o-mini-2024-07-18} costs what {@code gpt-4o-mini} costs), or else the
     * table's fallback.
     */
    public Optional<Price> price(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return prices.entrySet().stream()
                .filter(entry -> name.equals(entry.getKey())
                        || name.startsWith(entry.getKey() + "-"))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue)
                .or(() -> Optional.ofNullable(fallback));
    }

    /** The estimated cost in dollars, empty for a model without a price. */
    public Optional<BigDecimal> cost(String model, TokenUsage usage) {
        return price(model).map(price -> price.cost(usage));
    }
}
