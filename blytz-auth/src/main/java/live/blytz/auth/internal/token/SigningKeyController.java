package live.blytz.auth.internal.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
            description = "New tokens are signed with a new key at once; the previous key stays in the JWKS until "
                    + "the tokens it signed have expired. Not available when the key is configured "
                    + "(BLYTZ_AUTH_SIGNING_KEY): rotate that by configuring a new key.")
    @ApiResponse(responseCode = "200", description = "The new key id")
    @ApiResponse(responseCode = "409", description = "The signing key is configured, not generated")
    NewSigningKey rotate() {
        return new NewSigningKey(keys.rotate());
    }

    @Schema(name = "NewSigningKey")
    record NewSigningKey(@Schema(description = "The id (`kid`) of the key that signs from now on") String kid) {
    }
}
