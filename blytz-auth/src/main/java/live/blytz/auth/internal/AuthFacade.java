package live.blytz.auth.internal;

import live.blytz.auth.AuthApi;
import org.springframework.stereotype.Service;

@Service
class AuthFacade implements AuthApi {
}
