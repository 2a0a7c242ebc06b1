package live.blytz.users.internal.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import live.blytz.sharedkernel.Role;
import live.blytz.users.internal.account.AccountStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins find and inspect users (admins only: the module's route rules). */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer", scopes = "admin")
class AdminUsersController {

    private final UserDirectoryService directory;

    AdminUsersController(UserDirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(operationId = "listUsers", summary = "List users (admin)",
            description = "Filters combine with AND; `q` matches part of the e-mail or a name, case-insensitively. "
                    + "Offset pagination; ties in the sort key are ordered by id.")
    @ApiResponse(responseCode = "200", description = "A page of users")
    UserListResponse list(
            @Parameter(description = "Text to find in e-mail, first, last or display name",
                    schema = @Schema(maxLength = UserSearch.MAX_QUERY))
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "Only this role", schema = @Schema(allowableValues = {"buyer", "seller", "admin"}))
            @RequestParam(required = false) @Nullable Role role,
            @Parameter(description = "Only this status", schema = @Schema(allowableValues = {"active", "suspended"}))
            @RequestParam(required = false) @Nullable AccountStatus status,
            @Parameter(description = "Sort key, `-` prefix for descending", schema = @Schema(defaultValue = "-created_at",
                    allowableValues = {"created_at", "-created_at", "email", "-email", "last_name", "-last_name",
                            "last_login_at", "-last_login_at"}))
            @RequestParam(required = false) @Nullable String sort,
            @Parameter(description = "1-based page", schema = @Schema(type = "integer", defaultValue = "1", minimum = "1"))
            @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", defaultValue = "20", minimum = "1", maximum = "100"))
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize) {
        return UserListResponse.of(directory.search(UserSearch.of(q, role, status, sort, page, pageSize)));
    }
}
