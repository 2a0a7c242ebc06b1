@NullMarked
package live.blytz.app.api;

import org.jspecify.annotations.NullMarked;
