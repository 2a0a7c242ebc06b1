package live.blytz.catalog.internal.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A product's three prices in one currency, valid together: starting &gt; 0, reserve &ge; starting,
 * buy-now &gt; starting. Built from the merged values on every create and partial update, so that a change of one
 * price can never leave the others inconsistent.
 */
public record Prices(Money starting, @Nullable Money reserve, @Nullable Money buyNow) {

    /** NUMERIC(12,2) holds ten integer digits and two decimals. */
    public static final String MAX_TEXT = "9999999999.99";
    /** The form of a currency code the API accepts (checked against ISO 4217 by {@link Product}). */
    static final String CURRENCY_CODE = "[A-Z]{3}";
    static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    static final int MAX_SCALE = 2;

    /**
     * Why {@code price} can be neither a price nor a bound of a price filter, or null: the one range rule of
     * NUMERIC(12,2), decided without expanding the number (a client may send {@code 1E-20000000}).
     */
    public static @Nullable String outOfRange(BigDecimal price) {
        if (price.signum() < 0) {
            return "must be at least 0";
        }
        if (price.compareTo(MAX) > 0) {
            return "must be at most " + MAX.toPlainString();
        }
        if (price.scale() > MAX_SCALE && price.stripTrailingZeros().scale() > MAX_SCALE) {
            return "must have at most " + MAX_SCALE + " decimals";
        }
        return null;
    }

    Currency currency() {
        return starting.currency();
    }

    static Prices of(Currency currency, BigDecimal starting, @Nullable BigDecimal reserve, @Nullable BigDecimal buyNow) {
        List<FieldError> errors = new ArrayList<>();
        if (currency.getDefaultFractionDigits() > 2 || currency.getDefaultFractionDigits() < 0) {
            throw ValidationException.of("currency", "is not a currency this marketplace supports");
        }
        Money startingPrice = money("starting_price", starting, currency, errors);
        Money reservePrice = reserve == null ? null : money("reserve_price", reserve, currency, errors);
        Money buyNowPrice = buyNow == null ? null : money("buy_now_price", buyNow, currency, errors);
        if (startingPrice != null && !startingPrice.isPositive()) {
            errors.add(new FieldError("starting_price", "must be greater than 0"));
        }
        if (startingPrice != null && reservePrice != null && reservePrice.compareTo(startingPrice) < 0) {
            errors.add(new FieldError("reserve_price", "must be at least the starting price"));
        }
        if (startingPrice != null && buyNowPrice != null && !buyNowPrice.isGreaterThan(startingPrice)) {
            errors.add(new FieldError("buy_now_price", "must be greater than the starting price"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Prices(startingPrice, reservePrice, buyNowPrice);
    }

    private static @Nullable Money money(String field, BigDecimal amount, Currency currency, List<FieldError> errors) {
        if (amount.abs().compareTo(MAX) > 0) {
            errors.add(new FieldError(field, "must be at most " + MAX.toPlainString()));
            return null;
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must have at most " + currency.getDefaultFractionDigits()
                    + " decimals for " + currency.getCurrencyCode()));
            return null;
        }
    }
}
