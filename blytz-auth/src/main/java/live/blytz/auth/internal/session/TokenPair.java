package live.blytz.auth.internal.session;

import live.blytz.auth.internal.account.AccountResponse;

/** A fresh access token (JWT) and refresh token (opaque, single use), and the account they are for. */
record TokenPair(String accessToken, String refreshToken, long expiresIn, AccountResponse account) {
}
