package live.blytz.auth.internal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What only admins may do with accounts (the security chain requires {@code ROLE_ADMIN} here). */
@RestController
@RequestMapping("/api/v1/auth/accounts")
@Tag(name = "Auth administration", description = "Roles, suspension and signing keys; admins only")
@SecurityRequirement(name = "bearer", scopes = "admin")
class AccountAdminController {

    private final AccountAdminService accounts;

    AccountAdminController(AccountAdminService accounts) {
        this.accounts = accounts;
    }

    @PutMapping("/{id}/role")
    @Operation(operationId = "changeAccountRole", summary = "Change an account's role",
            description = "Takes effect in the user's next token; the user's current access tokens stop working "
                    + "at once. Admins cannot change their own role.")
    @ApiResponse(responseCode = "200", description = "The account with its new role")
    @ApiResponse(responseCode = "404", description = "No such account")
    @ApiResponse(responseCode = "409", description = "An admin tried to change their own role")
    AccountResponse.Envelope changeRole(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody AccountRequests.ChangeRole request) {
        return new AccountResponse.Envelope(accounts.changeRole(caller.id(), new UserId(id),
                Role.fromCode(request.role())));
    }

    @PostMapping("/{id}/suspend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "suspendAccount", summary = "Suspend an account", description = "It cannot log in, every "
            + "session ends and every token stops working at once. Suspending a suspended account changes nothing.")
    @ApiResponse(responseCode = "204", description = "Suspended")
    @ApiResponse(responseCode = "404", description = "No such account")
    @ApiResponse(responseCode = "409", description = "An admin tried to suspend their own account")
    void suspend(Caller caller, @PathVariable UUID id) {
        accounts.suspend(caller.id(), new UserId(id));
    }

    @PostMapping("/{id}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "reactivateAccount", summary = "Lift an account's suspension",
            description = "The user can log in again.")
    @ApiResponse(responseCode = "204", description = "Active again")
    @ApiResponse(responseCode = "404", description = "No such account")
    void reactivate(@PathVariable UUID id) {
        accounts.reactivate(new UserId(id));
    }
}
