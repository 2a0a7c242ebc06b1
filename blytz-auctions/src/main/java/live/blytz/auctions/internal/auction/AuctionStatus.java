package live.blytz.auctions.internal.auction;

import com.fasterxml.jackson.annotation.JsonValue;
import live.blytz.sharedkernel.Codes;

/** An auction's life: {@code scheduled → running → ended}, and {@code scheduled|running → cancelled}. */
public enum AuctionStatus {
    SCHEDULED, RUNNING, ENDED, CANCELLED;

    /** Scheduled and running auctions hold their product. */
    public boolean live() {
        return this == SCHEDULED || this == RUNNING;
    }

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
