package live.blytz.auth.internal.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that verify Blytz access tokens (RFC 7517), for any service that verifies them. */
@RestController
@Tag(name = "Auth")
class JwksController {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private static final String JWKS_EXAMPLE = """
            {"keys": [{"kty": "EC", "use": "sig", "crv": "P-256", "kid": "3sMZ0...", "alg": "ES256",
                       "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                       "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""";

    /** What Nimbus writes for {@code toPublicJWKSet()}, as the OpenAPI document describes it (RFC 7517, 7518). */
    @Schema(name = "JwkSet")
    record JwkSet(List<PublicKey> keys) {

        @Schema(name = "Jwk", description = "A public P-256 signing key")
        record PublicKey(
                @Schema(allowableValues = "EC") String kty,
                @Schema(allowableValues = "sig") String use,
                @Schema(allowableValues = "P-256") String crv,
                @Schema(description = "Key id: the `kid` of the tokens it verifies") String kid,
                @Schema(allowableValues = "ES256") String alg,
                @Schema(description = "base64url x coordinate") String x,
                @Schema(description = "base64url y coordinate") String y) {
        }
    }

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = {"application/jwk-set+json", "application/json"})
    @Operation(operationId = "getJwks", summary = "The JWK Set that verifies access tokens",
            description = "The active key and retired keys whose tokens may still be valid. Cacheable for five "
                    + "minutes; a verifier that meets an unknown `kid` should fetch it again.")
    @ApiResponse(responseCode = "200", description = "The public keys", content = {
            @Content(mediaType = "application/jwk-set+json", schema = @Schema(implementation = JwkSet.class),
                    examples = @ExampleObject(JWKS_EXAMPLE)),
            @Content(mediaType = "application/json", schema = @Schema(implementation = JwkSet.class),
                    examples = @ExampleObject(JWKS_EXAMPLE))})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(JWK_SET)
                .body(keys.verificationKeys().toPublicJWKSet().toJSONObject());
    }
}
