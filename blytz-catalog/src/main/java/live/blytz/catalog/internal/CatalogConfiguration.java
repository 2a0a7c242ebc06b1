package live.blytz.catalog.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduling for the catalog's periodic work (the view-count flush). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogConfiguration {
}
