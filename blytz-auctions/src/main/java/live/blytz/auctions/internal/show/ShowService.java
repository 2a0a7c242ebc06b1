package live.blytz.auctions.internal.show;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import live.blytz.auctions.internal.AuctionsProperties;
import live.blytz.auctions.internal.account.SuspensionRepository;
import live.blytz.auctions.internal.auction.LotAuctions;
import live.blytz.auctions.internal.browse.AuctionListResponses.CursorPagination;
import live.blytz.auctions.internal.auction.LotAuctions.LotAuction;
import live.blytz.auctions.internal.show.ShowRepository.Fact;
import live.blytz.catalog.AuctionableProduct;
import live.blytz.catalog.ProductAuctions;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Instants;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.Cursor;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.PageRequest;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The show use cases (ADR 0030): open a show, add and remove lots, start a lot, end the show. Each change runs in one
 * transaction under the show's row lock, so the lots of one show are started one at a time on every instance; only the
 * show's seller or an admin changes it, and a suspended account changes nothing.
 */
@Service
class ShowService {

    /** A client's clock may run a little behind ours: a start this close to now is not "in the past". */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final ShowRepository shows;
    private final ShowQueries queries;
    private final CursorCodec cursors;
    private final LotFollower follower;
    private final LotAuctions lotAuctions;
    private final ProductAuctions products;
    private final SuspensionRepository accounts;
    private final ShowProperties properties;
    private final AuctionsProperties auctionProperties;
    private final JsonMapper json;
    private final Clock clock;

    ShowService(ShowRepository shows, ShowQueries queries, CursorCodec cursors, LotFollower follower, LotAuctions lotAuctions, ProductAuctions products,
            SuspensionRepository accounts, ShowProperties properties, AuctionsProperties auctionProperties,
            JsonMapper json, Clock clock) {
        this.shows = shows;
        this.queries = queries;
        this.cursors = cursors;
        this.follower = follower;
        this.lotAuctions = lotAuctions;
        this.products = products;
        this.accounts = accounts;
        this.properties = properties;
        this.auctionProperties = auctionProperties;
        this.json = json;
        this.clock = clock;
    }

    /** Opens a show of the caller (a seller), scheduled until its first lot starts. */
    @Transactional
    UUID open(Caller caller, ShowRequests.Open request) {
        Instant now = Instants.now(clock);
        requireActive(caller);
        ValidationErrors errors = new ValidationErrors();
        String title = request.title().strip();
        if (title.length() < Show.MIN_TITLE) {
            errors.add(new FieldError("title", "must have at least " + Show.MIN_TITLE + " characters besides spaces"));
        }
        if (request.startsAt().isBefore(now.minus(SKEW))) {
            errors.add(new FieldError("starts_at", "must not be in the past"));
        } else if (request.startsAt().isAfter(now.plus(auctionProperties.maxScheduleAhead()))) {
            errors.add(new FieldError("starts_at", "must be at most " + auctionProperties.maxScheduleAhead() + " ahead"));
        }
        String url = request.playbackUrl();
        if (url != null) {
            if (HttpUrls.problem(url).isPresent() || !url.toLowerCase(Locale.ROOT).startsWith("https:")) {
                errors.add(new FieldError("playback_url", "must be an absolute https URL with a host and no "
                        + "credentials, of at most " + HttpUrls.MAX_LENGTH + " characters"));
            } else {
                url = HttpUrls.normalise(url);
            }
        }
        errors.throwIfAny();
        UUID id = Ids.newId();
        shows.insert(new Show(id, caller.id(), title, url, ShowStatus.SCHEDULED,
                request.startsAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), null, 0, 1, now, null));
        return id;
    }

    /**
     * Adds an active product of the show's seller as the show's last lot. Catalog reserves the product for the lot's
     * auction from now on: its prices, status and deletion are refused while the lot holds it (ADR 0025), so the lot
     * auctions what was added.
     */
    @Transactional
    UUID addLot(Caller caller, UUID showId, ShowRequests.AddLot request) {
        Instant now = Instants.now(clock);
        Show show = lockedForChange(caller, showId);
        if (shows.lotCount(showId) >= properties.maxLots()) {
            throw new ConflictException("A show holds at most " + properties.maxLots() + " lots");
        }
        AuctionableProduct product = products.find(request.productId())
                .filter(found -> found.publiclyVisible() || caller.mayManage(found.sellerId()))
                .orElseThrow(() -> ValidationException.of("product_id", "is not an existing product"));
        if (!product.sellerId().equals(show.sellerId())) {
            throw new ForbiddenException("Only the show's seller's own products can be its lots");
        }
        UUID auctionId = Ids.newId();
        AuctionableProduct reserved = products.reserve(product.id(), auctionId);
        UUID lotId = Ids.newId();
        shows.insertLot(new Lot(lotId, showId, 0, reserved.id(), auctionId, reserved.title(),
                reserved.startingPrice().currency().getCurrencyCode(), reserved.startingPrice().amount(),
                LotStatus.PENDING, 0, now, null, null));
        shows.update(show.touched());
        return lotId;
    }

    /** Removes a lot that has not run: the product is free again. */
    @Transactional
    void removeLot(Caller caller, UUID showId, UUID lotId, @Nullable Long expectedVersion) {
        Show show = lockedForChange(caller, showId);
        ExpectedVersion.check(expectedVersion, show.version(), "show");
        Lot lot = shows.lot(showId, lotId).orElseThrow(() -> NotFoundException.of("Lot", lotId));
        if (lot.status() != LotStatus.PENDING) {
            throw new ConflictException("Only a lot that has not started can be removed; this one is "
                    + lot.status().code());
        }
        products.release(lot.productId(), lot.auctionId());
        shows.deleteLot(lotId);
        shows.update(show.touched());
    }

    /**
     * Puts the pending lots in the order given (every pending lot once): they move behind the lots that have run, so
     * the listed order is the order of the rest of the show.
     */
    @Transactional
    void reorder(Caller caller, UUID showId, List<UUID> lotIds, @Nullable Long expectedVersion) {
        Show show = lockedForChange(caller, showId);
        ExpectedVersion.check(expectedVersion, show.version(), "show");
        if (new java.util.HashSet<>(lotIds).size() != lotIds.size()) {
            throw ValidationException.of("lot_ids", "must name each lot once");
        }
        List<Lot> lots = shows.lots(showId);
        List<UUID> pending = lots.stream().filter(lot -> lot.status() == LotStatus.PENDING).map(Lot::id).toList();
        if (pending.size() != lotIds.size() || !pending.containsAll(lotIds)) {
            throw new ConflictException("List every pending lot of the show exactly once (a lot may have started or "
                    + "been added or removed meanwhile)");
        }
        int position = lots.stream().filter(lot -> lot.status() != LotStatus.PENDING).mapToInt(Lot::position).max()
                .orElse(0);
        for (UUID lotId : lotIds) {
            shows.reposition(lotId, ++position);
        }
        shows.update(show.touched());
    }

    /**
     * Puts a pending lot up: its auction runs at once for the countdown, with the show's soft close; the show is live.
     * Refused while another lot of the show runs: lots run one at a time.
     */
    @Transactional
    void startLot(Caller caller, UUID showId, UUID lotId) {
        Instant now = Instants.now(clock);
        Show show = lockedForChange(caller, showId);
        Lot lot = shows.lot(showId, lotId).orElseThrow(() -> NotFoundException.of("Lot", lotId));
        if (lot.status() != LotStatus.PENDING) {
            throw new ConflictException("This lot has already run: it is " + lot.status().code());
        }
        show = withRunningLotSettled(show);
        if (show.currentLotId() != null) {
            throw new ConflictException("Lots run one at a time: another lot of this show is running",
                    java.util.Map.of("current_lot_id", show.currentLotId().toString()));
        }
        LotAuction auction = lotAuctions.open(lot.auctionId(), lot.productId(), properties.countdown(),
                properties.extension(), now);
        ObjectNode started = json.createObjectNode()
                .put("show_id", showId.toString())
                .put("lot_id", lotId.toString())
                .put("auction_id", auction.auctionId().toString())
                .put("product_id", lot.productId().toString())
                .put("title", lot.title())
                .put("currency", auction.currency())
                .put("starting_price", auction.startingPrice())
                .put("ends_at", auction.endsAt().toString())
                .put("soft_close_seconds", properties.extension().toSeconds())
                .put("occurred_at", now.toString());
        long seq = shows.append(show, List.of(new Fact(ShowFacts.LOT_STARTED, started)), now);
        // The opening is the auction's first fact: the show's log copies what follows it.
        shows.updateLot(lot.changed(LotStatus.RUNNING, 1, now, null));
        shows.update(show.changed(ShowStatus.LIVE, lotId, seq, null));
        follower.watch(lot.auctionId());
    }

    /**
     * Ends the show: lots that have not run are withdrawn and their products freed. Refused while a lot runs (its
     * auction decides when it ends).
     */
    @Transactional
    void end(Caller caller, UUID showId) {
        Instant now = Instants.now(clock);
        Show show = withRunningLotSettled(lockedForChange(caller, showId));
        if (show.currentLotId() != null) {
            throw new ConflictException("A lot is running: end the show once it is sold or unsold",
                    java.util.Map.of("current_lot_id", show.currentLotId().toString()));
        }
        endNow(show, now);
    }

    /**
     * Ends the shows still scheduled {@code stale-after} past their start: nobody started them, and their lots keep
     * their products reserved. Run by {@link StaleShowSweeper} on every instance; the row lock and the status check
     * end each one once. Returns how many it ended.
     */
    @Transactional
    int endStale() {
        Instant now = Instants.now(clock);
        int ended = 0;
        for (UUID id : shows.scheduledBefore(now.minus(properties.staleAfter()))) {
            Show show = shows.lock(id).orElseThrow();
            if (show.status() == ShowStatus.SCHEDULED) {
                endNow(show, now);
                ended++;
            }
        }
        return ended;
    }

    /** Withdraws the lots that have not run (their products freed) and ends the show, with its fact. */
    private void endNow(Show show, Instant now) {
        for (Lot lot : shows.lots(show.id())) {
            if (lot.status() == LotStatus.PENDING) {
                products.release(lot.productId(), lot.auctionId());
                shows.updateLot(lot.changed(LotStatus.WITHDRAWN, lot.mirroredSeq(), null, now));
            }
        }
        ObjectNode ended = json.createObjectNode().put("show_id", show.id().toString())
                .put("occurred_at", now.toString());
        long seq = shows.append(show, List.of(new Fact(ShowFacts.SHOW_ENDED, ended)), now);
        shows.update(show.changed(ShowStatus.ENDED, null, seq, now));
    }

    /** A show with its lots; 404 when there is none. */
    @Transactional(readOnly = true)
    ShowResponse detail(UUID showId) {
        Show show = shows.find(showId).orElseThrow(() -> NotFoundException.of("Show", showId));
        return ShowResponse.of(show, shows.lots(showId));
    }

    /**
     * Live and upcoming shows (or those of one status), live first, then by start; keyset-paged with a signed cursor
     * that names the filter it was issued for.
     */
    @Transactional(readOnly = true)
    ShowListResponse list(@Nullable ShowStatus status, @Nullable UUID sellerId, @Nullable Integer pageSize,
            @Nullable String cursor) {
        PageRequest request = PageRequest.of(1, pageSize);
        String filter = (status == null ? "upcoming" : status.code()) + "|" + (sellerId == null ? "" : sellerId);
        ShowQueries.After after = null;
        if (cursor != null) {
            Cursor decoded = cursors.decode(cursor, 4);
            if (!decoded.get(0).equals(filter)) {
                throw ValidationException.of("cursor", "was issued for other filters; start again without it");
            }
            try {
                UUID id = UUID.fromString(decoded.get(3));
                after = new ShowQueries.After(Integer.parseInt(decoded.get(1)), Instant.parse(decoded.get(2)), id);
            } catch (RuntimeException malformed) {
                throw CursorCodec.invalid();
            }
        }
        List<String> statuses = status == null ? List.of(ShowStatus.LIVE.code(), ShowStatus.SCHEDULED.code())
                : List.of(status.code());
        List<ShowQueries.Row> rows = queries.page(statuses, sellerId, after, request.pageSize() + 1);
        boolean more = rows.size() > request.pageSize();
        List<ShowQueries.Row> shown = more ? rows.subList(0, request.pageSize()) : rows;
        String next = more ? cursors.encode(Cursor.of(filter, Integer.toString(shown.getLast().rank()),
                shown.getLast().show().startsAt().toString(), shown.getLast().show().id().toString())) : null;
        return new ShowListResponse(shown.stream().map(ShowListResponse.Summary::of).toList(),
                new CursorPagination(request.pageSize(), next));
    }

    /** The show, locked, after the caller is found allowed to change it and it is not over. */
    private Show lockedForChange(Caller caller, UUID showId) {
        Show show = shows.lock(showId).orElseThrow(() -> NotFoundException.of("Show", showId));
        show.requireManagedBy(caller);
        requireActive(caller);
        show.requireNotEnded();
        return show;
    }

    /** The running lot's auction may have ended since its last copy: copy it now, so that the show knows. */
    private Show withRunningLotSettled(Show show) {
        if (show.currentLotId() == null) {
            return show;
        }
        Lot running = shows.lot(show.id(), show.currentLotId()).orElseThrow();
        follower.copy(running.auctionId());
        return shows.find(show.id()).orElseThrow();
    }

    private void requireActive(Caller caller) {
        if (accounts.suspended(caller.id())) {
            throw new ForbiddenException("A suspended account cannot run shows");
        }
    }
}
