package live.blytz.users.internal;

import live.blytz.users.UsersApi;
import org.springframework.stereotype.Service;

@Service
class UsersFacade implements UsersApi {
}
