package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import live.blytz.sharedkernel.error.ValidationException;
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

        /** The SQL parameter for a key read back from a cursor; a malformed one is the client's 400. */
        Object parse(String value) {
            try {
                return switch (this) {
                    case CREATED_AT -> Timestamp.from(Instant.parse(value));
                    case PRICE -> cursorPrice(value);
                    case TITLE -> cursorTitle(value);
                    case VIEW_COUNT -> Long.parseLong(value);
                    case RELEVANCE -> Float.parseFloat(value);
                };
            } catch (RuntimeException e) {
                throw ValidationException.of("cursor", "is not a cursor this API issued");
            }
        }

        /** Cursors are not signed: a forged key must not overflow NUMERIC(12,2) or carry a NUL into SQL. */
        private static BigDecimal cursorPrice(String value) {
            BigDecimal price = new BigDecimal(value);
            if (price.abs().compareTo(Prices.MAX) > 0) {
                throw new IllegalArgumentException("price out of range");
            }
            return price;
        }

        private static String cursorTitle(String value) {
            if (value.indexOf((char) 0) >= 0) {
                throw new IllegalArgumentException("NUL in title");
            }
            return value;
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

    String code() {
        return (descending ? "-" : "") + key.code;
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return key.expression + direction + ", p.id" + direction;
    }
}
