package live.blytz.catalog.internal.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import live.blytz.catalog.internal.CategoryView;
import live.blytz.catalog.internal.ProductDetails;
import live.blytz.sharedkernel.web.Versioned;

/** The API's wrappers: a single resource under its name (its version becomes the ETag), the tree under {@code data}. */
final class Envelopes {

    private Envelopes() {
    }

    @Schema(name = "ProductResponse")
    record ProductEnvelope(ProductDetails product) implements Versioned {

        @Override
        @JsonIgnore
        public long version() {
            return product.version();
        }
    }

    @Schema(name = "CategoryResponse")
    record CategoryEnvelope(CategoryView category) implements Versioned {

        @Override
        @JsonIgnore
        public long version() {
            return category.version();
        }
    }

    @Schema(name = "CategoryTree", description = "Active root categories, each with its active children nested")
    record CategoryTree(List<CategoryView> data) {
    }
}
