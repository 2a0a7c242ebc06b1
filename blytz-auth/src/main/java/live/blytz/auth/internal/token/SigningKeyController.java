package live.blytz.auth.internal.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's signing-key rotation (the security chain requires {@code ROLE_ADMIN} here). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth administration")
@SecurityRequirement(name = "bearer", scopes = "admin")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/signing-keys/rotate")
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the token signing key",
            description = "Publishes a new key in the JWKS at once and signs new tokens with it from `activates_at` "
                    + "on (`BLYTZ_AUTH_KEY_ACTIVATION_DELAY` later), so that services that cache the JWKS have it "
                    + "before they meet a token of it; the previous key signs until then and stays in the JWKS until "
                    + "the tokens it signed have expired. Not available when the key is configured "
                    + "(BLYTZ_AUTH_SIGNING_KEY): rotate that by configuring the new key in "
                    + "BLYTZ_AUTH_NEXT_SIGNING_KEY.")
    @ApiResponse(responseCode = "200", description = "The new key and when it starts signing")
    @ApiResponse(responseCode = "409", description = "The signing key is configured, not generated")
    NewSigningKey rotate() {
        SigningKeys.Staged staged = keys.rotate();
        return new NewSigningKey(staged.kid(), staged.activatesAt());
    }

    @Schema(name = "NewSigningKey")
    record NewSigningKey(
            @Schema(description = "The id (`kid`) of the new key, in the JWKS from now on") String kid,
            @Schema(description = "When the new key starts signing tokens") Instant activatesAt) {
    }
}
