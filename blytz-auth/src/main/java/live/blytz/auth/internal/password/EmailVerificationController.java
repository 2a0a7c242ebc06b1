package live.blytz.auth.internal.password;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import live.blytz.auth.internal.account.AccountResponse;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.store.RateLimited;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** E-mail verification through a mailed single-use token (30 minutes, one per cooldown). */
@RestController
@RequestMapping("/api/v1/auth/email-verification")
@Tag(name = "Auth")
class EmailVerificationController {

    private final EmailVerificationService verifications;

    EmailVerificationController(EmailVerificationService verifications) {
        this.verifications = verifications;
    }

    @PostMapping("/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RateLimited("auth-strict")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "requestEmailVerification", summary = "Mail a verification link to the caller's address",
            description = "Nothing is sent when the address is verified already, or within 5 minutes (the "
                    + "per-account cooldown) of the last link, which stays valid.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    void request(Caller caller) {
        verifications.request(caller.id());
    }

    @PostMapping("/confirm")
    @RateLimited("auth-strict")
    @SecurityRequirements
    @Operation(operationId = "confirmEmail", summary = "Confirm the e-mail address with the mailed token")
    @ApiResponse(responseCode = "200", description = "The account, with `email_verified: true`")
    @ApiResponse(responseCode = "400", description = "The token is invalid, expired or used")
    AccountResponse.Envelope confirm(@Valid @RequestBody PasswordRequests.VerifyEmail request) {
        return new AccountResponse.Envelope(verifications.confirm(request.token()));
    }
}
