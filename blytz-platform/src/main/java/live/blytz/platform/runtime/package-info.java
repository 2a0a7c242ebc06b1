@NullMarked
package live.blytz.platform.runtime;

import org.jspecify.annotations.NullMarked;
