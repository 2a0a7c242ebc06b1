package live.blytz.users;

import java.util.Optional;
import live.blytz.sharedkernel.UserId;

/** The users module's published facade, for the few synchronous reads another module truly needs. */
public interface UsersApi {

    /** The public profile of an active person; empty if there is none or the account is suspended. */
    Optional<PublicProfile> findPublicProfile(UserId id);
}
