/** Access tokens: issuing and verifying them, the signing keys and their JWKS, and revocation. */
@NullMarked
package live.blytz.auth.internal.token;

import org.jspecify.annotations.NullMarked;
