@NullMarked
package live.blytz.app.web;

import org.jspecify.annotations.NullMarked;
