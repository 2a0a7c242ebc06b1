package live.blytz.catalog.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How worn an item is, as the API spells it: {@code new, like_new, good, fair, poor}. */
public enum ProductCondition {
    NEW, LIKE_NEW, GOOD, FAIR, POOR;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static ProductCondition fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
