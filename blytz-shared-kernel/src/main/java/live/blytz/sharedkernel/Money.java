package live.blytz.sharedkernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An exact amount of one currency. The amount carries exactly the currency's minor-unit scale
 * (two decimals for EUR, none for JPY); more precision than that is refused, never rounded away.
 * Every amount lies within {@link #outOfBounds the bounds of any money}, checked before anything computes with it.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Amounts are below 10^15 in every currency: far beyond any price, and small enough to compute with. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** No ISO 4217 currency has more than four minor-unit digits. */
    public static final int MAX_DECIMALS = 4;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        outOfBounds(amount).ifPresent(problem -> {
            throw new IllegalArgumentException("amount " + problem);
        });
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("amount has more than " + scale + " decimals for " + currency);
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * Why {@code amount} cannot be an amount of money in any currency, or empty when it can. Decided from its
     * precision and scale, never its digits, so it is quick for any number a client can write ({@code 1E-20000000},
     * {@code 1E+999999999}); the JSON binding applies it to every decimal in a request body. The message names
     * the bound, never the value.
     */
    public static Optional<String> outOfBounds(BigDecimal amount) {
        if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of("must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        // Only a scale beyond the bound pays for stripping zeros, whose cost grows with the digits, not the exponent.
        if (amount.scale() > MAX_DECIMALS && amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of("must have at most " + MAX_DECIMALS + " decimals");
        }
        return Optional.empty();
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
