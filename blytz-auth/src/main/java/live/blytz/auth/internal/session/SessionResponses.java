package live.blytz.auth.internal.session;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.auth.internal.account.AccountResponse;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.Pagination;
import org.jspecify.annotations.Nullable;

/** Response bodies of the session endpoints. */
final class SessionResponses {

    private SessionResponses() {
    }

    @Schema(name = "TokenResponse")
    record Tokens(
            @Schema(description = "JWT (ES256, typ at+jwt); send as `Authorization: Bearer ...`") String accessToken,
            @Schema(description = "Opaque, single use: every refresh returns a new one") String refreshToken,
            @Schema(example = "Bearer") String tokenType,
            @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
            AccountResponse user) {

        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(), pair.account());
        }
    }

    /** A session as its owner sees it; {@code current} marks the one the request's token belongs to. */
    @Schema(name = "SessionView")
    record Session(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, @Nullable String userAgent,
            @Nullable String ip, boolean current) {

        static Session of(SessionRepository.Session session, boolean current, Instant expiresAt) {
            return new Session(session.id(), session.createdAt(), session.lastUsedAt(), expiresAt,
                    session.userAgent(), session.ip(), current);
        }
    }

    @Schema(name = "SessionList")
    record SessionList(List<Session> data, Pagination pagination) {

        static SessionList of(Page<Session> page) {
            return new SessionList(page.items(), Pagination.of(page));
        }
    }
}
