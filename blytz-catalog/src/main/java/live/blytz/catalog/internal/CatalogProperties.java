package live.blytz.catalog.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
 * @param nearCacheTtl       how long an instance keeps its own copy of a shared cache entry; changes evict it at
 *                           once, this only bounds what a lost invalidation message could leave (ADR 0029)
 * @param viewPushInterval   how often the views buffered in this instance are counted in the shared store
 * @param exactTotalLimit    the listing's {@code total} is exact up to this many products, an estimate beyond
 */
@Validated
@ConfigurationProperties("blytz.catalog")
public record CatalogProperties(
        @NotNull @DefaultValue("EUR") Currency defaultCurrency,
        @NotNull @DefaultValue("10s") Duration viewFlushInterval,
        @NotNull @DefaultValue("1h") Duration viewPeriod,
        @NotNull @DefaultValue("60s") Duration cacheTtl,
        @NotNull @DefaultValue("30s") Duration invalidationHold,
        @NotNull @DefaultValue("2s") Duration nearCacheTtl,
        @NotNull @DefaultValue("1s") Duration viewPushInterval,
        @Positive @DefaultValue("10000") int exactTotalLimit) {
}
