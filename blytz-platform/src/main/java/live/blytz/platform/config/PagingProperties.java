package live.blytz.platform.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keyset-pagination settings ({@code blytz.paging.*}).
 *
 * @param cursorKeys secrets that sign cursors, each Base64 of at least 32 random bytes: the first signs, all
 *                   verify (ADR 0017). Required in prod; elsewhere empty means a random key of this process.
 */
@ConfigurationProperties("blytz.paging")
record PagingProperties(@DefaultValue List<String> cursorKeys) {
}
