package live.blytz.auth.internal.password;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.web.ClientAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final DeviceTokenHeaders deviceTokens;

    PasswordController(PasswordService passwords, PasswordResetService resets, DeviceTokenHeaders deviceTokens) {
        this.passwords = passwords;
        this.resets = resets;
        this.deviceTokens = deviceTokens;
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
    @RateLimited("auth-strict")
    @SecurityRequirements
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the mailed token",
            description = "Every session of the account ends and every access token stops working. The token is "
                    + "spent only together with the new password: a 429 or 503 leaves it usable.\n\n"
                    + "Every device token issued before stops working too, and this client, which has just proved "
                    + "control of the mailbox, gets a new one, exactly as a login hands it out (see `login`): the "
                    + "cookie `" + DeviceTokenHeaders.COOKIE + "` and the `" + DeviceTokenHeaders.HEADER + "` header. "
                    + "Its next login is then not held up by waits that failures from other clients impose on the "
                    + "account, so an attack cannot keep the owner out after a reset.")
    @ApiResponse(responseCode = "204", description = "Password set; log in with it", headers = {
            @Header(name = HttpHeaders.SET_COOKIE, description = "A device token as the cookie `"
                    + DeviceTokenHeaders.COOKIE + "`", schema = @Schema(type = "string")),
            @Header(name = DeviceTokenHeaders.HEADER, description = "The device token, for clients that keep it "
                    + "themselves", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "The token is invalid, expired or used, or the new password "
            + "breaks the policy")
    @ApiResponse(responseCode = "429", description = "Too many password checks at once; see `Retry-After` (the "
            + "token is not spent)")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody PasswordRequests.ResetPassword request,
            ClientAddress client) {
        String deviceToken = resets.reset(request.token(), request.newPassword(), client.key());
        return ResponseEntity.noContent().headers(deviceTokens.of(deviceToken)).build();
    }
}
