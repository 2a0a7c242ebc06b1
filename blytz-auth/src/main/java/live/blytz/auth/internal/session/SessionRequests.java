package live.blytz.auth.internal.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import live.blytz.auth.internal.password.PasswordPolicy;
import org.jspecify.annotations.Nullable;

/** Request bodies of the session endpoints. They hold only what a client may set: anything else is a 400. */
final class SessionRequests {

    private SessionRequests() {
    }

    @Schema(name = "LoginRequest")
    record Login(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct horse battery staple") @NotBlank @Size(max = PasswordPolicy.MAX_INPUT)
            String password) {
    }

    @Schema(name = "RefreshRequest")
    record Refresh(
            @Schema(example = "kq3V1c0m0sJ9bW2X8yq5fYd0G4lHq7cEoVb7Lw2Zs4A") @NotBlank @Size(max = 256) String refreshToken) {
    }

    @Schema(name = "LogoutRequest")
    record Logout(
            @Schema(description = "Also end the session of this refresh token (must be the caller's)")
            @Nullable @Size(max = 256) String refreshToken) {
    }
}
