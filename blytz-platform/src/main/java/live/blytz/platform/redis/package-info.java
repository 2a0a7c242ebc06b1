@NullMarked
package live.blytz.platform.redis;

import org.jspecify.annotations.NullMarked;
