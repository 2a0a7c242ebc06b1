package live.blytz.auth.internal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration of buyers and sellers. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @RateLimited("auth-strict")
    @SecurityRequirements // the Authorization header is ignored here (PublicRouteBearerTokens)
    @Operation(operationId = "register", summary = "Register a buyer or seller account",
            description = "The e-mail address is unique in any letter case. `role` is `buyer` (default) or `seller`; "
                    + "admins cannot register. The password's length limits are the schema's minLength and maxLength "
                    + "(configurable); any Unicode; it must not be a common password.")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountResponse.Envelope.class), examples = @ExampleObject("""
            {"user": {"id": "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e", "email": "ada@example.com", "role": "seller",
             "status": "active", "email_verified": false, "last_login_at": null,
             "created_at": "2026-11-25T14:20:00Z", "updated_at": "2026-11-25T14:20:00Z"}}""")))
    @ApiResponse(responseCode = "400", description = "Invalid fields, e.g. a common password or `role: admin`",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject("""
                    {"type": "https://api.blytz.live/problems/validation-error", "title": "Invalid request",
                     "status": 400, "detail": "The request has 1 invalid field", "instance": "/api/v1/auth/register",
                     "request_id": "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e",
                     "errors": [{"field": "password", "message": "is too common; choose one that is harder to guess"}]}""")))
    @ApiResponse(responseCode = "409", description = "The e-mail address is already registered")
    AccountResponse.Envelope register(@Valid @RequestBody AccountRequests.Register request, ClientAddress client) {
        Role role = request.role() == null ? Role.BUYER : Role.fromCode(request.role());
        return new AccountResponse.Envelope(registrations.register(new Registration(request.email(),
                request.password(), role, request.firstName(), request.lastName(), request.phone()), client.key()));
    }
}
