package live.blytz.auth;

/**
 * The auth module's published facade. Deliberately small: other modules must not call into auth
 * (it is to become its own service), so this exists for the application assembly, not for peers.
 */
public interface AuthApi {
}
