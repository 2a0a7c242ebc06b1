package live.blytz.users.internal;

import java.util.Optional;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers who someone is: the caller's own full view, a public view, and the admin list. */
@Service
public class UserDirectory {

    private final UserViews views;
    private final ProfileProvisioning provisioning;

    UserDirectory(UserViews views, ProfileProvisioning provisioning) {
        this.views = views;
        this.provisioning = provisioning;
    }

    /**
     * The caller's own view. If auth's events have not reached this module yet (the request came right after
     * registration), the profile is built from the token now, so this never fails for a valid token (ADR 0010).
     */
    @Transactional
    public UserView me(Caller caller) {
        return views.find(caller.id()).orElseGet(() -> {
            provisioning.ensureFor(caller);
            return views.find(caller.id()).orElseThrow();
        });
    }

    /** A person's view if others may see it: suspended accounts are hidden. */
    @Transactional(readOnly = true)
    public Optional<UserView> visible(UserId id) {
        return views.find(id).filter(view -> view.status() == AccountStatus.ACTIVE);
    }

    @Transactional(readOnly = true)
    public Page<UserView> search(UserSearch search, PageRequest page) {
        return views.search(search, page);
    }
}
