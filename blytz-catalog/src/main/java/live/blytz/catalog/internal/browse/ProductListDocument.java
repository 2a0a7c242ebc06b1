package live.blytz.catalog.internal.browse;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** A ready {@code {"data": [...], "pagination": {...}}} page, written as it is (it may come from the shared cache). */
record ProductListDocument(String json) {

    @JsonValue
    @JsonRawValue
    @Override
    public String json() {
        return json;
    }
}
