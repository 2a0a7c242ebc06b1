package live.blytz.catalog.internal.browse;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import live.blytz.sharedkernel.web.Versioned;

/**
 * A ready {@code {"product": {...}}} document, written to the client as it is (it may come from the shared cache),
 * with the product's version for the ETag.
 */
record ProductDocument(String json, long version) implements Versioned {

    @JsonValue
    @JsonRawValue
    @Override
    public String json() {
        return json;
    }
}
