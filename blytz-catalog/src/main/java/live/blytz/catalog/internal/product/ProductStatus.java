package live.blytz.catalog.internal.product;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import live.blytz.sharedkernel.Codes;

/** A product's life: {@code draft → active → sold}, {@code active ↔ draft}, and from anywhere {@code → archived}. */
public enum ProductStatus {
    DRAFT, ACTIVE, SOLD, ARCHIVED;

    boolean canMoveTo(ProductStatus target) {
        if (target == ARCHIVED) {
            return this != ARCHIVED;
        }
        return switch (this) {
            case DRAFT -> target == ACTIVE;
            case ACTIVE -> Set.of(DRAFT, SOLD).contains(target);
            case SOLD, ARCHIVED -> false;
        };
    }

    /** Sold and archived products are final: their fields can no longer change. */
    boolean editable() {
        return this == DRAFT || this == ACTIVE;
    }

    /**
     * Anyone may see a product in this status (while it is not deleted and its seller is not suspended, see
     * {@link ProductRepository#PUBLICLY_VISIBLE}); only active ones are listed, being for sale.
     */
    public boolean isPublic() {
        return this == ACTIVE || this == SOLD;
    }

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
