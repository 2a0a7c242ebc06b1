package live.blytz.catalog.internal.product;

import com.fasterxml.jackson.annotation.JsonValue;
import live.blytz.sharedkernel.Codes;

/** How worn an item is, as the API spells it: {@code new, like_new, good, fair, poor}. */
public enum ProductCondition {
    NEW, LIKE_NEW, GOOD, FAIR, POOR;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
