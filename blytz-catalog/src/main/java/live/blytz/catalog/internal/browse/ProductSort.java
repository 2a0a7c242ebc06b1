package live.blytz.catalog.internal.browse;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import live.blytz.catalog.internal.product.Prices;
import live.blytz.catalog.internal.product.Product;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.SortOrder;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;

/**
 * A listing order: a key and a direction, always followed by the id so that the order is total and a keyset cursor
 * can continue after any row. {@code relevance} is chosen implicitly when {@code q} is given without a sort.
 */
record ProductSort(Key key, boolean descending) {

    /** The sort keys; their codes are what clients write ({@code price}, {@code -price}, ...). */
    enum Key {
        CREATED_AT, PRICE, TITLE, VIEW_COUNT, RELEVANCE;

        private static final Instant AFTER_9999 = Instant.parse("+10000-01-01T00:00:00Z");

        /**
         * The SQL parameter for a key read back from a cursor, checked as strictly as the matching filter: cursors
         * are signed, but even a leaked key must not let a crafted value reach SQL (ADR 0017). Anything else is a
         * 400 naming {@code cursor}.
         */
        Object parse(String value) {
            try {
                return switch (this) {
                    case CREATED_AT -> cursorInstant(value);
                    case PRICE -> cursorPrice(value);
                    case TITLE -> cursorTitle(value);
                    case VIEW_COUNT -> cursorViewCount(value);
                    case RELEVANCE -> cursorRank(value);
                };
            } catch (RuntimeException malformedOrOutOfRange) {
                throw CursorCodec.invalid();
            }
        }

        /** A timestamp as PostgreSQL stores it: whole microseconds, in the years 1970 to 9999. */
        private static Timestamp cursorInstant(String value) {
            Instant instant = Instant.parse(value);
            require(!instant.isBefore(Instant.EPOCH) && instant.isBefore(AFTER_9999) && instant.getNano() % 1_000 == 0);
            return Timestamp.from(instant);
        }

        /** Within the range and scale of the price filters (min_price, max_price): NUMERIC(12,2). */
        private static BigDecimal cursorPrice(String value) {
            BigDecimal price = new BigDecimal(value);
            require(Prices.outOfRange(price) == null);
            return price;
        }

        /** What the title column holds: 3 to 200 characters (counted as its CHECK counts them) of single-line text. */
        private static String cursorTitle(String value) {
            int length = value.codePointCount(0, value.length());
            require(length >= Product.MIN_TITLE && length <= Product.MAX_TITLE && TextRule.SINGLE_LINE.accepts(value));
            return value;
        }

        private static Long cursorViewCount(String value) {
            long views = Long.parseLong(value);
            require(views >= 0);
            return views;
        }

        /** A ts_rank: a finite, non-negative real. */
        private static Float cursorRank(String value) {
            float rank = Float.parseFloat(value);
            require(Float.isFinite(rank) && rank >= 0);
            return rank;
        }

        private static void require(boolean valid) {
            if (!valid) {
                throw new IllegalArgumentException("out of range");
            }
        }
    }

    static final ProductSort NEWEST = new ProductSort(Key.CREATED_AT, true);
    static final ProductSort MOST_RELEVANT = new ProductSort(Key.RELEVANCE, true);

    /** Parses {@code sort} as the API spells it; with {@code q} and no sort, the best matches come first. */
    static ProductSort parse(@Nullable String sort, boolean searching) {
        if (sort == null || sort.isBlank()) {
            return searching ? MOST_RELEVANT : NEWEST;
        }
        SortOrder<Key> order = SortOrder.parse(sort, Key.class);
        if (order.key() == Key.RELEVANCE && !searching) {
            throw ValidationException.of("sort", "can be relevance only together with q");
        }
        return new ProductSort(order.key(), order.descending());
    }


    /** The sort as the API spells it, which is also what a cursor records. */
    String code() {
        return (descending ? "-" : "") + Codes.of(key);
    }
}
