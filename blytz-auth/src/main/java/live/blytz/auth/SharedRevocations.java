package live.blytz.auth;

/**
 * The revocations auth keeps in the shared Redis, a contract with every process that verifies its tokens (ADR 0009,
 * 0027, 0033). Auth writes them; a verifier that is not auth reads them and writes none.
 * <ul>
 * <li>{@link #endedSession} — present: every access token of that session ({@code sid}) is void;</li>
 * <li>{@link #validAfter} — the account's {@code tokens_valid_after} in epoch seconds: every token of that user
 * ({@code sub}) issued ({@code iat}) before it is void;</li>
 * <li>{@link #LOADED} — present while the two kinds above are complete; when it is missing, auth reloads them from its
 * database within its revocation poll interval, and a verifier must not judge a token meanwhile;</li>
 * <li>{@link #VERSION} — incremented by every revocation;</li>
 * <li>{@link #CHANNEL} — where each revocation is broadcast as it is stored.</li>
 * </ul>
 */
public final class SharedRevocations {

    public static final String LOADED = "auth:revocations:loaded";
    public static final String VERSION = "auth:revocations:version";
    public static final String CHANNEL = "auth:revocations";

    private SharedRevocations() {
    }

    public static String endedSession(String sessionId) {
        return "auth:deny:sid:" + sessionId;
    }

    public static String validAfter(String userId) {
        return "auth:tva:" + userId;
    }
}
