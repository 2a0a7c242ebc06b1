@NullMarked
package live.blytz.sharedkernel.error;

import org.jspecify.annotations.NullMarked;
