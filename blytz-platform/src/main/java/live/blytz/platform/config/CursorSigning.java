package live.blytz.platform.config;

import java.util.List;
import live.blytz.sharedkernel.paging.CursorCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one {@link CursorCodec} of the application, keyed from {@code blytz.paging.cursor-keys}, so that every
 * instance signs and accepts the same cursors (ADR 0017). A malformed key stops the start in every profile.
 */
@Configuration(proxyBeanMethods = false)
class CursorSigning {

    private static final Logger log = LoggerFactory.getLogger(CursorSigning.class);

    @Bean
    CursorCodec cursorCodec(PagingProperties paging) {
        List<String> keys = paging.cursorKeys().stream().filter(StringUtils::hasText).toList();
        if (keys.isEmpty()) {
            // Development default only: prod refuses to start without keys (ProductionSettingsCheck).
            log.warn("No cursor keys configured (BLYTZ_CURSOR_KEYS): cursors are signed with a random key of this "
                    + "process, so other instances refuse them and a restart invalidates them");
            return new CursorCodec(List.of(CursorCodec.randomKey()));
        }
        return CursorCodec.ofBase64(keys);
    }
}
