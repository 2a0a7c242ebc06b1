package live.blytz.auth.internal.password;

import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.ExpiredRowPurge;
import org.springframework.stereotype.Component;

/** Deletes mailed tokens that were used or have expired. */
@Component
class OneTimeTokenPurge extends ExpiredRowPurge {

    private final OneTimeTokenRepository tokens;

    OneTimeTokenPurge(OneTimeTokenRepository tokens, AuthProperties properties) {
        super(properties);
        this.tokens = tokens;
    }

    @Override
    protected long purge() {
        return inBatches(tokens::deleteUsedOrExpired);
    }
}
