package live.blytz.users.internal.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.web.EntityTags;
import live.blytz.sharedkernel.web.ExpectedVersion;
import live.blytz.users.internal.directory.UserResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own profile. */
@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Users", description = "Profiles, public profiles and user administration")
@SecurityRequirement(name = "bearer")
class MeController {

    private final ProfileService profiles;

    MeController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @Operation(operationId = "getMyProfile", summary = "The caller's own profile and account facts",
            description = "Works from the first request after registration on: the profile is built from the "
                    + "token if auth's events have not been processed yet (then `email` may briefly be null). "
                    + "The ETag header is the profile's `version` as an entity tag (`\"3\"`), for If-Match.")
    @ApiResponse(responseCode = "200", description = "The caller's user record",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    UserResponse.Envelope me(Caller caller) {
        return UserResponse.Envelope.of(profiles.me(caller));
    }

    @PatchMapping
    @Operation(operationId = "updateMyProfile", summary = "Edit the caller's own profile",
            description = "Merge-patch semantics over `first_name, last_name, display_name, avatar_url, phone, bio`: "
                    + "a field left out stays, null or \"\" clears it. The edited version is optional, in the body "
                    + "(`version`) or as `If-Match` (the ETag of GET); a stale one is a 409, and both sent must "
                    + "agree. Any other field (e.g. `email`, `role`, `status`, `id`) is a 400 naming it.")
    @ApiResponse(responseCode = "200", description = "The edited user record",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "An invalid, protected or unknown field, a malformed If-Match, "
            + "or a body version that disagrees with If-Match; all listed in `errors`")
    @ApiResponse(responseCode = "409", description = "The profile changed since the stated version; reload and retry")
    UserResponse.Envelope edit(Caller caller,
            @RequestBody UpdateProfileRequest request,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        ValidationErrors errors = new ValidationErrors();
        Long expectedVersion = errors.collect(() -> ExpectedVersion.of(request.version(), ifMatch));
        ProfileEdit edit = errors.collect(request::edit);
        errors.throwIfAny();
        return UserResponse.Envelope.of(profiles.edit(caller, edit, expectedVersion));
    }
}
