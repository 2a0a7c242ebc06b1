package live.blytz.catalog.internal.web;

import live.blytz.catalog.internal.CategoryService;
import live.blytz.catalog.internal.ProductService;
import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's domain rules for request bodies, reported together with the bodies' Bean Validation errors. */
@Configuration(proxyBeanMethods = false)
class CatalogRequestRules {

    @Bean
    RequestRules<ProductRequests.Create> newProductRules(ProductService products) {
        return body -> products.problems(body.command());
    }

    @Bean
    RequestRules<ProductRequests.Update> productChangeRules(ProductService products) {
        return body -> products.problems(body.changes());
    }

    @Bean
    RequestRules<CategoryRequests.Create> newCategoryRules(CategoryService categories) {
        return body -> categories.problems(body.command());
    }

    @Bean
    RequestRules<CategoryRequests.Update> categoryChangeRules(CategoryService categories) {
        return body -> categories.problems(body.changes());
    }
}
