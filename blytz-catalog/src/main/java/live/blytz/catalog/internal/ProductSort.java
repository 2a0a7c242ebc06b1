package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;

/**
 * A listing order: a key and a direction, always followed by the id so that the order is total and a keyset cursor
 * can continue after any row. {@code relevance} is chosen implicitly when {@code q} is given without a sort.
 */
record ProductSort(Key key, boolean descending) {

    private static final String ALLOWED = "created_at, price, title, view_count (prefix - for descending)";

    enum Key {
        CREATED_AT("created_at", "p.created_at"),
        PRICE("price", "p.starting_price"),
        TITLE("title", "p.title"),
        VIEW_COUNT("view_count", "p.view_count"),
        RELEVANCE("relevance", "ts_rank(p.search, websearch_to_tsquery('english', :q))");

        private static final Instant AFTER_9999 = Instant.parse("+10000-01-01T00:00:00Z");

        final String code;
        final String expression;

        Key(String code, String expression) {
            this.code = code;
            this.expression = expression;
        }

        /** The key of the current row as the cursor stores it. */
        String read(ResultSet rs) throws SQLException {
            return switch (this) {
                case CREATED_AT -> rs.getTimestamp("sort_key").toInstant().toString();
                case PRICE -> rs.getBigDecimal("sort_key").toPlainString();
                case TITLE -> rs.getString("sort_key");
                case VIEW_COUNT -> Long.toString(rs.getLong("sort_key"));
                case RELEVANCE -> Float.toString(rs.getFloat("sort_key"));
            };
        }

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

        String parameterPlaceholder() {
            return this == RELEVANCE ? "CAST(:after_key AS real)" : ":after_key";
        }
    }

    static final ProductSort NEWEST = new ProductSort(Key.CREATED_AT, true);
    static final ProductSort MOST_RELEVANT = new ProductSort(Key.RELEVANCE, true);

    /** Parses {@code sort} as the API spells it; with {@code q} and no sort, the best matches come first. */
    static ProductSort parse(@Nullable String sort, boolean searching) {
        if (sort == null || sort.isBlank()) {
            return searching ? MOST_RELEVANT : NEWEST;
        }
        boolean descending = sort.startsWith("-");
        String code = descending ? sort.substring(1) : sort;
        for (Key key : Key.values()) {
            if (key.code.equals(code) && (key != Key.RELEVANCE || searching)) {
                return new ProductSort(key, descending);
            }
        }
        throw ValidationException.of("sort", "must be one of " + ALLOWED);
    }

    /** The row id of a cursor, in exactly the form the cursor was issued with (a lower-case UUID). */
    static UUID cursorId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value)) {
                return id;
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        throw CursorCodec.invalid();
    }

    String code() {
        return (descending ? "-" : "") + key.code;
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return key.expression + direction + ", p.id" + direction;
    }
}
