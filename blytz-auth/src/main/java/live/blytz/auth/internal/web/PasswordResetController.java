package live.blytz.auth.internal.web;

import static live.blytz.auth.internal.web.ApiDocs.BEARER;
import static live.blytz.auth.internal.web.ApiDocs.PROBLEM;
import static live.blytz.auth.internal.web.ApiDocs.PROBLEM_JSON;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import live.blytz.auth.internal.MailedTokenService;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Password reset and e-mail verification through mailed single-use tokens (30 minutes, one per cooldown). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class PasswordResetController {

    private final MailedTokenService mailed;

    PasswordResetController(MailedTokenService mailed) {
        this.mailed = mailed;
    }

    @PostMapping("/password-reset/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RateLimited("auth-strict")
    @SecurityRequirements
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password-reset mail",
            description = "Always 202, whether or not the address is registered: if it belongs to an active "
                    + "account, a single-use link valid for 30 minutes is mailed to it. Within 5 minutes (the "
                    + "per-account cooldown) of a link being mailed, a new request sends nothing and that link stays "
                    + "valid; after it, a new link replaces the previous one.")
    @ApiResponse(responseCode = "202", description = "Accepted (a mail is sent if the account exists)")
    void requestReset(@Valid @RequestBody AuthRequests.EmailOnly request) {
        mailed.requestPasswordReset(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RateLimited("auth-strict")
    @SecurityRequirements
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the mailed token",
            description = "Every session of the account ends and every access token stops working. The token is "
                    + "spent only together with the new password: a 429 or 503 leaves it usable.")
    @ApiResponse(responseCode = "204", description = "Password set; log in with it")
    @ApiResponse(responseCode = "400", description = "The token is invalid, expired or used, or the new password "
            + "breaks the policy", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many password checks at once; see `Retry-After` (the "
            + "token is not spent)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void confirmReset(@Valid @RequestBody AuthRequests.ResetPassword request, ClientAddress client) {
        mailed.resetPassword(request.token(), request.newPassword(), client.key());
    }

    @PostMapping("/email-verification/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RateLimited("auth-strict")
    @SecurityRequirement(name = BEARER)
    @Operation(operationId = "requestEmailVerification", summary = "Mail a verification link to the caller's address",
            description = "Nothing is sent when the address is verified already, or within 5 minutes (the "
                    + "per-account cooldown) of the last link, which stays valid.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    void requestVerification(@AuthenticationPrincipal Jwt jwt) {
        mailed.requestEmailVerification(AuthController.userId(jwt));
    }

    @PostMapping("/email-verification/confirm")
    @RateLimited("auth-strict")
    @SecurityRequirements
    @Operation(operationId = "confirmEmail", summary = "Confirm the e-mail address with the mailed token")
    @ApiResponse(responseCode = "200", description = "The account, with `email_verified: true`")
    @ApiResponse(responseCode = "400", description = "The token is invalid, expired or used",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    AuthResponses.User confirmVerification(@Valid @RequestBody AuthRequests.VerifyEmail request) {
        return new AuthResponses.User(mailed.confirmEmail(request.token()));
    }
}
