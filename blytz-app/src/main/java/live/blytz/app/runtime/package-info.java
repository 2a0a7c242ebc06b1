@NullMarked
package live.blytz.app.runtime;

import org.jspecify.annotations.NullMarked;
