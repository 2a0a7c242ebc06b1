package live.blytz.catalog.internal.product;

import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The product rules of request bodies, reported together with the bodies' Bean Validation errors. */
@Configuration(proxyBeanMethods = false)
class ProductRequestRules {

    @Bean
    RequestRules<ProductRequests.Create> newProductRules(ProductService products) {
        return body -> products.problems(body.command());
    }

    @Bean
    RequestRules<ProductRequests.Update> productChangeRules(ProductService products) {
        return body -> products.problems(body.changes());
    }
}
