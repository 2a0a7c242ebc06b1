package live.blytz.auth.internal.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.blytz.auth.internal.password.PasswordPolicy;
import live.blytz.sharedkernel.PersonNames;
import org.jspecify.annotations.Nullable;

/** Request bodies of the account endpoints. They hold only what a client may set: anything else is a 400. */
final class AccountRequests {

    private AccountRequests() {
    }

    @Schema(name = "RegisterRequest")
    record Register(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct horse battery staple", description = "Any Unicode (lengths count code points "
                    + "after NFKC normalisation); common passwords are refused") @NotNull
            @Size(max = PasswordPolicy.MAX_INPUT) String password,
            @Schema(example = "Ada", description = "Plain text", maxLength = PersonNames.MAX_NAME) @Nullable
            String firstName,
            @Schema(example = "Lovelace", description = "Plain text", maxLength = PersonNames.MAX_NAME) @Nullable
            String lastName,
            @Schema(example = "+44 20 7946 0958", description = "International (E.164) with country code; spaces, "
                    + "dashes, dots, parentheses and a leading 00 are accepted") @Nullable @Size(max = 32)
            @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number") String phone,
            @Schema(example = "seller", allowableValues = {"buyer", "seller"}, defaultValue = "buyer")
            @Nullable @Pattern(regexp = "buyer|seller", message = "must be buyer or seller") String role) {
    }

    @Schema(name = "ChangeRoleRequest")
    record ChangeRole(
            @Schema(example = "seller", allowableValues = {"buyer", "seller", "admin"})
            @NotNull @Pattern(regexp = "buyer|seller|admin", message = "must be buyer, seller or admin") String role) {
    }
}
