@NullMarked
package live.blytz.sharedkernel.store;

import org.jspecify.annotations.NullMarked;
