package live.blytz.catalog.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import live.blytz.catalog.internal.CategoryView;
import live.blytz.catalog.internal.ProductDetails;

/** The API's wrappers: a single resource under its name, the category tree under {@code data}. */
final class Envelopes {

    private Envelopes() {
    }

    @Schema(name = "ProductResponse")
    record ProductEnvelope(ProductDetails product) {
    }

    @Schema(name = "CategoryResponse")
    record CategoryEnvelope(CategoryView category) {
    }

    @Schema(name = "CategoryTree", description = "Active root categories, each with its active children nested")
    record CategoryTree(List<CategoryView> data) {
    }
}
