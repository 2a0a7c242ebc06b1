package live.blytz.auth.internal;

/** A fresh access token (JWT) and refresh token (opaque, single use), and the account they are for. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, AccountView account) {
}
