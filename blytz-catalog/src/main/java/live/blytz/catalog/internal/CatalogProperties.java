package live.blytz.catalog.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog's settings ({@code blytz.catalog.*}).
 *
 * @param defaultCurrency    ISO 4217 currency of a product created without one
 * @param viewFlushInterval  how often counted product views are written to the database
 * @param viewPeriod         a client's views of one product count once per period of this length
 * @param cacheTtl           how long a product detail or the category tree stays in the shared cache
 * @param invalidationHold   after a change, how long nobody may re-fill the changed entry (closes the race in
 *                           which a reader that loaded the old row before the commit caches it after the eviction)
 */
@Validated
@ConfigurationProperties("blytz.catalog")
public record CatalogProperties(
        @NotNull @DefaultValue("EUR") Currency defaultCurrency,
        @NotNull @DefaultValue("10s") Duration viewFlushInterval,
        @NotNull @DefaultValue("1h") Duration viewPeriod,
        @NotNull @DefaultValue("60s") Duration cacheTtl,
        @NotNull @DefaultValue("30s") Duration invalidationHold) {
}
