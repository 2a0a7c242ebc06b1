@NullMarked
package live.blytz.platform.config;

import org.jspecify.annotations.NullMarked;
