/** Events the auctions module publishes: immutable records named in the past tense. */
@NamedInterface("events")
@NullMarked
package live.blytz.auctions.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
