package live.blytz.auth.internal.password;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the password and e-mail verification endpoints. Anything else in them is a 400. */
final class PasswordRequests {

    private PasswordRequests() {
    }

    @Schema(name = "ChangePasswordRequest")
    record ChangePassword(
            @Schema(example = "correct horse battery staple") @NotBlank @Size(max = PasswordPolicy.MAX_INPUT)
            String currentPassword,
            @Schema(example = "a different long passphrase") @NotNull @Size(max = PasswordPolicy.MAX_INPUT)
            String newPassword) {
    }

    @Schema(name = "EmailRequest")
    record EmailOnly(@Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email) {
    }

    @Schema(name = "PasswordResetConfirmRequest")
    record ResetPassword(
            @Schema(description = "The token from the e-mail") @NotBlank @Size(max = 256) String token,
            @Schema(example = "a brand new passphrase") @NotNull @Size(max = PasswordPolicy.MAX_INPUT)
            String newPassword) {
    }

    @Schema(name = "EmailVerificationConfirmRequest")
    record VerifyEmail(@Schema(description = "The token from the e-mail") @NotBlank @Size(max = 256) String token) {
    }
}
