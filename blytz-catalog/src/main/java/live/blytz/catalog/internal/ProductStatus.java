package live.blytz.catalog.internal;

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

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    static ProductStatus fromCode(String code) {
        return Codes.parse(ProductStatus.class, code);
    }
}
