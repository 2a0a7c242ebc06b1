package live.blytz.users.internal.directory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.Pagination;

/** A page of users: {@code {"data": [...], "pagination": {...}}}. */
@Schema(name = "UserList")
record UserListResponse(List<UserResponse> data, Pagination pagination) {

    static UserListResponse of(Page<UserView> page) {
        return new UserListResponse(page.items().stream().map(UserResponse::of).toList(), Pagination.of(page));
    }
}
