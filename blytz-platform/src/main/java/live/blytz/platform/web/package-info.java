@NullMarked
package live.blytz.platform.web;

import org.jspecify.annotations.NullMarked;
