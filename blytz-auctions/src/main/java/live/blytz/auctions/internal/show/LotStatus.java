package live.blytz.auctions.internal.show;

import live.blytz.sharedkernel.Codes;

/**
 * A lot's life: {@code pending → running → sold | unsold}; a pending lot is removed (deleted) or, when its show
 * ends first, {@code withdrawn}.
 */
enum LotStatus {
    PENDING, RUNNING, SOLD, UNSOLD, WITHDRAWN;

    String code() {
        return Codes.of(this);
    }
}
