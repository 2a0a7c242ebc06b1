package live.blytz.catalog.internal.demo;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo catalogue's settings ({@code blytz.catalog.demo.*}, read only with the {@code demo} profile).
 *
 * @param products how many products to load (0: none); the {@code demo} profile loads a few hundred, the catalog
 *                 benchmark 100,000. Sellers scale with it, one per 50 products.
 */
@Validated
@ConfigurationProperties("blytz.catalog.demo")
record DemoCatalogProperties(@PositiveOrZero @DefaultValue("0") int products) {
}
