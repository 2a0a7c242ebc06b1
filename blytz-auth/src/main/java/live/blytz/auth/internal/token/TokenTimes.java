package live.blytz.auth.internal.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * JWT times have whole seconds, so "every token issued before now is void" needs care. A token's {@code iat} is
 * never before its account's {@code tokensValidAfter}; revoking therefore sets {@code tokensValidAfter} one second
 * past both the current second and its previous value: strictly after every {@code iat} issued so far, and every
 * token issued afterwards is dated at or after it (at most a second or two ahead, well within the clock skew).
 */
public final class TokenTimes {

    private TokenTimes() {
    }

    public static Instant initial(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Instant revokedAt(Instant now, Instant previous) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return (second.isAfter(previous) ? second : previous).plusSeconds(1);
    }

    static Instant issuedAt(Instant now, Instant tokensValidAfter) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return second.isBefore(tokensValidAfter) ? tokensValidAfter : second;
    }
}
