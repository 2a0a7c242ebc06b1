package live.blytz.catalog.internal.category;

import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The category rules of request bodies, reported together with the bodies' Bean Validation errors. */
@Configuration(proxyBeanMethods = false)
class CategoryRequestRules {

    @Bean
    RequestRules<CategoryRequests.Create> newCategoryRules(CategoryService categories) {
        return body -> categories.problems(body.command());
    }

    @Bean
    RequestRules<CategoryRequests.Update> categoryChangeRules(CategoryService categories) {
        return body -> categories.problems(body.changes());
    }
}
