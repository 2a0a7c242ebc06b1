package live.blytz.auth.internal.web;

import static live.blytz.auth.internal.web.ApiDocs.BEARER;
import static live.blytz.auth.internal.web.ApiDocs.PROBLEM;
import static live.blytz.auth.internal.web.ApiDocs.PROBLEM_JSON;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import live.blytz.auth.internal.AccountService;
import live.blytz.auth.internal.SigningKeys;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What only admins may do with accounts and keys (the security chain requires {@code ROLE_ADMIN} here). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth administration", description = "Roles, suspension and signing keys; admins only")
@SecurityRequirement(name = BEARER, scopes = "admin")
class AccountAdminController {

    private final AccountService accounts;
    private final SigningKeys keys;

    AccountAdminController(AccountService accounts, SigningKeys keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    @PutMapping("/accounts/{id}/role")
    @Operation(operationId = "changeAccountRole", summary = "Change an account's role",
            description = "Takes effect in the user's next token; the user's current access tokens stop working "
                    + "at once. Admins cannot change their own role.")
    @ApiResponse(responseCode = "200", description = "The account with its new role")
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "An admin tried to change their own role",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    AuthResponses.User changeRole(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody AuthRequests.ChangeRole request) {
        return new AuthResponses.User(accounts.changeRole(AuthController.userId(jwt), new UserId(id),
                Role.fromCode(request.role())));
    }

    @PostMapping("/accounts/{id}/suspend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "suspendAccount", summary = "Suspend an account", description = "It cannot log in, every session ends and every "
            + "token stops working at once. Suspending a suspended account changes nothing.")
    @ApiResponse(responseCode = "204", description = "Suspended")
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "An admin tried to suspend their own account",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void suspend(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        accounts.suspend(AuthController.userId(jwt), new UserId(id));
    }

    @PostMapping("/accounts/{id}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "reactivateAccount", summary = "Lift an account's suspension", description = "The user can log in again.")
    @ApiResponse(responseCode = "204", description = "Active again")
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void reactivate(@PathVariable UUID id) {
        accounts.reactivate(new UserId(id));
    }

    @PostMapping("/signing-keys/rotate")
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the token signing key",
            description = "New tokens are signed with a new key at once; the previous key stays in the JWKS until "
                    + "the tokens it signed have expired. Not available when the key is configured "
                    + "(BLYTZ_AUTH_SIGNING_KEY): rotate that by configuring a new key.")
    @ApiResponse(responseCode = "200", description = "The new key id")
    @ApiResponse(responseCode = "409", description = "The signing key is configured, not generated",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    NewSigningKey rotate() {
        return new NewSigningKey(keys.rotate());
    }

    @Schema(name = "NewSigningKey")
    record NewSigningKey(@Schema(description = "The id (`kid`) of the key that signs from now on") String kid) {
    }
}
