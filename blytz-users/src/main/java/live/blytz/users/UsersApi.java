package live.blytz.users;

/** The users module's published facade, for the few synchronous reads another module truly needs. */
public interface UsersApi {
}
