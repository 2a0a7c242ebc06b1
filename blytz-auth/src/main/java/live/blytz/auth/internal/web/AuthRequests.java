package live.blytz.auth.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.blytz.auth.internal.RegistrationRules;
import org.jspecify.annotations.Nullable;

/** Request bodies of the auth endpoints. They hold only what a client may set: anything else is a 400. */
final class AuthRequests {

    private AuthRequests() {
    }

    // Bean Validation caps the raw size early; the password policy then applies its configured limits, which the
    // OpenAPI document states (PasswordLengthsInApiDocs).
    static final int MAX_PASSWORD_INPUT = 1024;

    @Schema(name = "RegisterRequest")
    record Register(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct horse battery staple", description = "Any Unicode (lengths count code points "
                    + "after NFKC normalisation); common passwords are refused") @NotNull @Size(max = MAX_PASSWORD_INPUT)
            String password,
            @Schema(example = "Ada", description = "Plain text", maxLength = RegistrationRules.MAX_NAME) @Nullable
            String firstName,
            @Schema(example = "Lovelace", description = "Plain text", maxLength = RegistrationRules.MAX_NAME) @Nullable
            String lastName,
            @Schema(example = "+44 20 7946 0958", description = "International (E.164) with country code; spaces, "
                    + "dashes, dots, parentheses and a leading 00 are accepted") @Nullable @Size(max = 32)
            @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number") String phone,
            @Schema(example = "seller", allowableValues = {"buyer", "seller"}, defaultValue = "buyer")
            @Nullable @Pattern(regexp = "buyer|seller", message = "must be buyer or seller") String role) {
    }

    @Schema(name = "LoginRequest")
    record Login(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct horse battery staple") @NotBlank @Size(max = MAX_PASSWORD_INPUT) String password) {
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

    @Schema(name = "ChangePasswordRequest")
    record ChangePassword(
            @Schema(example = "correct horse battery staple") @NotBlank @Size(max = MAX_PASSWORD_INPUT) String currentPassword,
            @Schema(example = "a different long passphrase") @NotNull @Size(max = MAX_PASSWORD_INPUT) String newPassword) {
    }

    @Schema(name = "ChangeRoleRequest")
    record ChangeRole(
            @Schema(example = "seller", allowableValues = {"buyer", "seller", "admin"})
            @NotNull @Pattern(regexp = "buyer|seller|admin", message = "must be buyer, seller or admin") String role) {
    }

    @Schema(name = "EmailRequest")
    record EmailOnly(@Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email) {
    }

    @Schema(name = "PasswordResetConfirmRequest")
    record ResetPassword(
            @Schema(description = "The token from the e-mail") @NotBlank @Size(max = 256) String token,
            @Schema(example = "a brand new passphrase") @NotNull @Size(max = MAX_PASSWORD_INPUT) String newPassword) {
    }

    @Schema(name = "EmailVerificationConfirmRequest")
    record VerifyEmail(@Schema(description = "The token from the e-mail") @NotBlank @Size(max = 256) String token) {
    }
}
