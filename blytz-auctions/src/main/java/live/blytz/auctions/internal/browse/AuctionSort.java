package live.blytz.auctions.internal.browse;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.SortOrder;
import org.jspecify.annotations.Nullable;

/** A listing order: a key and a direction, then the id, so that the order is total and a cursor can continue it. */
record AuctionSort(Key key, boolean descending) {

    /** The sort keys; their codes are what clients write ({@code ends_at}, {@code -created_at}, {@code price}). */
    enum Key {
        ENDS_AT("a.ends_at"), CREATED_AT("a.created_at"), PRICE("a.current_price");

        final String column;

        Key(String column) {
            this.column = column;
        }

        /** A key read back from a cursor, checked as strictly as a filter (ADR 0017); else a 400 naming cursor. */
        Object parse(String value) {
            try {
                return switch (this) {
                    case ENDS_AT, CREATED_AT -> Timestamp.from(Instant.parse(value));
                    case PRICE -> {
                        BigDecimal price = new BigDecimal(value);
                        if (price.signum() < 0 || price.precision() - price.scale() > 10 || price.scale() > 2) {
                            throw new IllegalArgumentException("out of range");
                        }
                        yield price;
                    }
                };
            } catch (RuntimeException malformed) {
                throw CursorCodec.invalid();
            }
        }

        String keyOf(AuctionRow row) {
            return switch (this) {
                case ENDS_AT -> row.endsAt().toString();
                case CREATED_AT -> row.createdAt().toString();
                case PRICE -> row.currentPrice().toPlainString();
            };
        }
    }

    /** Ending soonest first. */
    static final AuctionSort DEFAULT = new AuctionSort(Key.ENDS_AT, false);

    static AuctionSort parse(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT;
        }
        SortOrder<Key> order = SortOrder.parse(sort, Key.class);
        return new AuctionSort(order.key(), order.descending());
    }


    String code() {
        return (descending ? "-" : "") + Codes.of(key);
    }
}
