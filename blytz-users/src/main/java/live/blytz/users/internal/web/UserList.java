package live.blytz.users.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.Pagination;
import live.blytz.users.internal.UserView;

/** A page of users: {@code {"data": [...], "pagination": {...}}}. */
@Schema(name = "UserList")
record UserList(List<UserResponse> data, Pagination pagination) {

    static UserList of(Page<UserView> page) {
        return new UserList(page.items().stream().map(UserResponse::of).toList(),
                Pagination.of(page));
    }
}
