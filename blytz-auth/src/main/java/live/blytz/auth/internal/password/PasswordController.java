package live.blytz.auth.internal.password;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Password change, and reset through a mailed single-use token (30 minutes, one per cooldown). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class PasswordController {

    private final PasswordService passwords;
    private final PasswordResetService resets;

    PasswordController(PasswordService passwords, PasswordResetService resets) {
        this.passwords = passwords;
        this.resets = resets;
    }

    @PostMapping("/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RateLimited("auth-strict")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "changePassword", summary = "Change the caller's password",
            description = "Every other session ends and every access token issued so far stops working, this "
                    + "request's too: get a new one with this session's refresh token.")
    @ApiResponse(responseCode = "204", description = "Password changed")
    @ApiResponse(responseCode = "400", description = "Wrong `current_password`, or `new_password` breaks the policy")
    @ApiResponse(responseCode = "429", description = "Too many wrong current passwords; see `Retry-After`")
    void changePassword(Caller caller, @Valid @RequestBody PasswordRequests.ChangePassword request,
            ClientAddress client) {
        passwords.change(caller.id(), caller.sessionId(), request.currentPassword(), request.newPassword(),
                client.key());
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
    void requestReset(@Valid @RequestBody PasswordRequests.EmailOnly request) {
        resets.request(request.email());
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
            + "breaks the policy")
    @ApiResponse(responseCode = "429", description = "Too many password checks at once; see `Retry-After` (the "
            + "token is not spent)")
    void confirmReset(@Valid @RequestBody PasswordRequests.ResetPassword request, ClientAddress client) {
        resets.reset(request.token(), request.newPassword(), client.key());
    }
}
