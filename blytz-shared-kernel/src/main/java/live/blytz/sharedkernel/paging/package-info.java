@NullMarked
package live.blytz.sharedkernel.paging;

import org.jspecify.annotations.NullMarked;
