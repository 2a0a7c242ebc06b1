@NullMarked
package live.blytz.app.security;

import org.jspecify.annotations.NullMarked;
