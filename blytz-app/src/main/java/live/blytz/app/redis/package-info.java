@NullMarked
package live.blytz.app.redis;

import org.jspecify.annotations.NullMarked;
