package live.blytz.auctions.internal.show;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.ForbiddenException;
import org.jspecify.annotations.Nullable;

/**
 * A show as its row holds it. Its rules: only its seller or an admin changes it; an ended show changes no more.
 * {@code seq} is the last fact of its log, {@code version} counts its changes and its lots' (the ETag), not the bids.
 */
record Show(UUID id, UserId sellerId, String title, @Nullable String playbackUrl, ShowStatus status, Instant startsAt,
        @Nullable UUID currentLotId, long seq, long version, Instant createdAt, @Nullable Instant endedAt) {

    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 200;

    /** Who may change it: its seller or an admin (403 for anyone else). */
    void requireManagedBy(Caller caller) {
        if (!caller.mayManage(sellerId)) {
            throw new ForbiddenException("Only the show's seller or an admin may change it");
        }
    }

    /** The show after a change: its status, running lot, log position and end; one version later. */
    Show changed(ShowStatus newStatus, @Nullable UUID newCurrentLot, long newSeq, @Nullable Instant newEndedAt) {
        return new Show(id, sellerId, title, playbackUrl, newStatus, startsAt, newCurrentLot, newSeq, version + 1,
                createdAt, newEndedAt);
    }

    /** The show with more facts in its log and nothing else changed (the same version). */
    Show logged(long newSeq) {
        return new Show(id, sellerId, title, playbackUrl, status, startsAt, currentLotId, newSeq, version, createdAt,
                endedAt);
    }

    /** The show after a change of its lots alone. */
    Show touched() {
        return changed(status, currentLotId, seq, endedAt);
    }

    void requireNotEnded() {
        if (status == ShowStatus.ENDED) {
            throw new ConflictException("The show has ended");
        }
    }
}
