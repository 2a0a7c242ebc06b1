package live.blytz.users.internal.directory;

import java.util.Optional;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.paging.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers who someone is: a person's full view, the view others may see, and the admin list. */
@Service
public class UserDirectoryService {

    private final UserQueries queries;

    UserDirectoryService(UserQueries queries) {
        this.queries = queries;
    }

    /** Everything known of a person, whatever their status; empty until their profile and role are known. */
    public Optional<UserView> find(UserId id) {
        return queries.find(id);
    }

    /** A person's view if others may see it: suspended accounts are hidden. */
    public Optional<UserView> visible(UserId id) {
        return queries.find(id).filter(UserView::visible);
    }

    /** One page of the admin list. */
    @Transactional(readOnly = true)
    public Page<UserView> search(UserSearch search) {
        return queries.search(search);
    }
}
