@NullMarked
package live.blytz.app.config;

import org.jspecify.annotations.NullMarked;
