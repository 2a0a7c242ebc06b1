package live.blytz.users.internal;

import java.util.Optional;
import live.blytz.sharedkernel.UserId;
import live.blytz.users.PublicProfile;
import live.blytz.users.UsersApi;
import org.springframework.stereotype.Service;

@Service
class UsersFacade implements UsersApi {

    private final UserDirectory directory;

    UsersFacade(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<PublicProfile> findPublicProfile(UserId id) {
        return directory.visible(id).map(view -> new PublicProfile(new UserId(view.id()), view.displayName(),
                view.avatarUrl(), view.bio(), view.role(), view.createdAt()));
    }
}
