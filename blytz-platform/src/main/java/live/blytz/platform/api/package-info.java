@NullMarked
package live.blytz.platform.api;

import org.jspecify.annotations.NullMarked;
