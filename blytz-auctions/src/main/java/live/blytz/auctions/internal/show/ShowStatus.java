package live.blytz.auctions.internal.show;

import live.blytz.sharedkernel.Codes;

/** A show's life: {@code scheduled → live} (its first lot starts) {@code → ended}, or {@code scheduled → ended}. */
enum ShowStatus {
    SCHEDULED, LIVE, ENDED;

    String code() {
        return Codes.of(this);
    }
}
