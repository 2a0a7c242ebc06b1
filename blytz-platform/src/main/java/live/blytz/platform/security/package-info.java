@NullMarked
package live.blytz.platform.security;

import org.jspecify.annotations.NullMarked;
