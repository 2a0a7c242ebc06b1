package live.blytz.auctions.internal.show;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import live.blytz.auctions.internal.AuctionLogWatcher;
import live.blytz.auctions.internal.show.ShowRepository.Fact;
import live.blytz.auctions.internal.stream.AuctionLogQueries;
import live.blytz.auctions.internal.stream.StreamEvent;
import live.blytz.sharedkernel.Instants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies the public facts of a running lot's auction into its show's log (ADR 0030): its bids as {@code bid_placed},
 * its end as {@code lot_sold} or {@code lot_unsold}, which also frees the show for its next lot. The auction's log is
 * the source; the lot remembers the last fact it copied, and each copy runs under the show's row lock from there, so
 * however often and wherever it runs, each fact is copied once, in order.
 * <p>
 * It runs after a commit to a running lot's auction on this instance (told as an {@link AuctionLogWatcher}, on a
 * virtual thread of its own), every {@code follow-interval} for the lots whose auction is ahead of their show (a lot
 * bid on or closed on another instance, a copy lost to a crash), and in a show's own transaction before the show
 * decides whether a lot still runs. Nothing is published, so a bid costs the auction no more than before.
 */
@Component
class LotFollower implements AuctionLogWatcher {

    private static final Logger log = LoggerFactory.getLogger(LotFollower.class);
    private static final int BATCH = 500;

    private final ShowRepository shows;
    private final AuctionLogQueries auctionLogs;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The auctions of the running lots this instance knows of (refreshed at every sweep). */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService copies = Executors.newVirtualThreadPerTaskExecutor();

    LotFollower(ShowRepository shows, AuctionLogQueries auctionLogs, JsonMapper json, TransactionTemplate transactions,
            Clock clock) {
        this.shows = shows;
        this.auctionLogs = auctionLogs;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A lot's auction started on this instance: follow its commits from now on. */
    void watch(UUID auctionId) {
        running.add(auctionId);
    }

    @Override
    public void committed(UUID auctionId, long seq) {
        if (running.contains(auctionId)) {
            copies.execute(() -> copyInItsOwnTransaction(auctionId));
        }
    }

    /** The lots whose auction is ahead of their show's log, on every instance; the known running lots refreshed. */
    @Scheduled(fixedDelayString = "${blytz.auctions.shows.follow-interval:1s}",
            initialDelayString = "${blytz.auctions.shows.follow-interval:1s}")
    void sweep() {
        try {
            Map<UUID, Boolean> lots = shows.runningLotAuctions();
            running.retainAll(lots.keySet());
            running.addAll(lots.keySet());
            lots.forEach((auctionId, behind) -> {
                if (behind) {
                    copyInItsOwnTransaction(auctionId);
                }
            });
        } catch (RuntimeException e) {
            // The database may be down (ADR 0022): the next sweep copies what this one could not.
            log.warn("Following the running lots failed: {}", e.toString());
        }
    }

    private void copyInItsOwnTransaction(UUID auctionId) {
        try {
            transactions.executeWithoutResult(status -> copy(auctionId));
        } catch (RuntimeException e) {
            log.warn("Copying the facts of lot auction {} failed: {}", auctionId, e.toString());
        }
    }

    /**
     * Copies into its show's log what the running lot of auction {@code auctionId} has not copied yet; nothing when
     * no running lot has that auction. Joins the caller's transaction and takes the show's row lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void copy(UUID auctionId) {
        Lot found = shows.runningLotOf(auctionId).orElse(null);
        if (found == null) {
            return;
        }
        Show show = shows.lock(found.showId()).orElseThrow();
        // Read again under the show's lock: another copy may have run meanwhile.
        Lot lot = shows.lot(show.id(), found.id()).filter(l -> l.status() == LotStatus.RUNNING).orElse(null);
        if (lot == null) {
            return;
        }
        Instant now = Instants.now(clock);
        List<Fact> facts = new ArrayList<>();
        long copied = lot.mirroredSeq();
        LotStatus status = LotStatus.RUNNING;
        AuctionLogQueries.Batch read;
        do {
            read = auctionLogs.after(auctionId, lot.currency(), copied, BATCH, null);
            for (StreamEvent event : read.events()) {
                ObjectNode data = json.valueToTree(event.data());
                data.put("show_id", show.id().toString());
                data.put("lot_id", lot.id().toString());
                switch (event.name()) {
                    case StreamEvent.BID_PLACED -> facts.add(new Fact(ShowFacts.BID_PLACED, data));
                    case StreamEvent.ENDED -> {
                        status = data.path("sold").asBoolean() ? LotStatus.SOLD : LotStatus.UNSOLD;
                        data.remove("sold");
                        if (status == LotStatus.UNSOLD) {
                            data.remove("winner");
                            data.remove("price");
                            data.put("cancelled", false);
                        }
                        facts.add(new Fact(status == LotStatus.SOLD ? ShowFacts.LOT_SOLD : ShowFacts.LOT_UNSOLD, data));
                    }
                    case StreamEvent.CANCELLED -> {
                        status = LotStatus.UNSOLD;
                        data.put("cancelled", true);
                        facts.add(new Fact(ShowFacts.LOT_UNSOLD, data));
                    }
                    default -> {
                        // started and extended: a lot's auction opens running, and each bid states its end
                    }
                }
            }
            copied = read.lastSeq();
        } while (read.more());
        if (copied == lot.mirroredSeq()) {
            return;
        }
        long seq = shows.append(show, facts, now);
        boolean over = status != LotStatus.RUNNING;
        shows.updateLot(lot.changed(status, copied, lot.startedAt(), over ? now : null));
        // A copied bid only moves the show's log; the lot's end changes the show (a new version).
        shows.update(over ? show.changed(show.status(), null, seq, show.endedAt()) : show.logged(seq));
        if (over) {
            running.remove(auctionId);
        }
    }
}
