package live.blytz.users.internal.publicprofile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.users.internal.directory.UserDirectoryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anyone may see a person's public profile, e.g. a seller's page. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class PublicProfileController {

    private final UserDirectoryService directory;

    PublicProfileController(UserDirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPublicProfile", summary = "A person's public profile",
            description = "Only what anyone may see: no e-mail, no phone. Suspended accounts are not found.")
    @ApiResponse(responseCode = "200", description = "The public profile")
    @ApiResponse(responseCode = "404", description = "No such person, or the account is suspended")
    PublicUserResponse.Envelope publicProfile(@Parameter(description = "The user id (UUID)") @PathVariable UUID id) {
        return directory.visible(new UserId(id))
                .map(PublicUserResponse.Envelope::of)
                .orElseThrow(() -> NotFoundException.of("User", id));
    }
}
