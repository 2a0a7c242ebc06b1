package live.blytz.auth.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import live.blytz.auth.internal.AccountView;
import live.blytz.auth.internal.SessionView;
import live.blytz.auth.internal.TokenPair;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.Pagination;

/** Response bodies of the auth endpoints. */
final class AuthResponses {

    private AuthResponses() {
    }

    @Schema(name = "UserResponse")
    record User(AccountView user) {
    }

    @Schema(name = "TokenResponse")
    record Tokens(
            @Schema(description = "JWT (ES256, typ at+jwt); send as `Authorization: Bearer ...`") String accessToken,
            @Schema(description = "Opaque, single use: every refresh returns a new one") String refreshToken,
            @Schema(example = "Bearer") String tokenType,
            @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
            AccountView user) {

        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(), pair.account());
        }
    }

    @Schema(name = "SessionList")
    record Sessions(List<SessionView> data, Pagination pagination) {

        static Sessions of(Page<SessionView> page) {
            return new Sessions(page.items(), Pagination.of(page));
        }
    }
}
