/** Sessions: login, token refresh, logout and the caller's sessions (refresh-token families, RFC 9700). */
@NullMarked
package live.blytz.auth.internal.session;

import org.jspecify.annotations.NullMarked;
