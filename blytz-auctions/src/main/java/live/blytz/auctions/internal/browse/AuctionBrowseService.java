package live.blytz.auctions.internal.browse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import live.blytz.auctions.internal.Increments;
import live.blytz.auctions.internal.browse.AuctionListResponses.Auctions;
import live.blytz.auctions.internal.browse.AuctionListResponses.Bid;
import live.blytz.auctions.internal.browse.AuctionListResponses.Bids;
import live.blytz.auctions.internal.browse.AuctionListResponses.CursorPagination;
import live.blytz.auctions.internal.browse.AuctionListResponses.MyAuctions;
import live.blytz.auctions.internal.browse.AuctionListResponses.MyBid;
import live.blytz.auctions.internal.browse.AuctionListResponses.MyBids;
import live.blytz.auctions.internal.browse.AuctionListResponses.OffsetPagination;
import live.blytz.auctions.internal.browse.AuctionQueries.After;
import live.blytz.auctions.internal.browse.AuctionQueries.BidRow;
import live.blytz.auctions.internal.browse.AuctionQueries.LedRow;
import live.blytz.auctions.internal.browse.AuctionResponse.BidderRef;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.Cursor;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The auction reads, each shown as the caller may see it ({@link AuctionRow#view}). */
@Service
public class AuctionBrowseService {

    private static final String BIDS_CURSOR = "bids";

    private final AuctionQueries queries;
    private final CursorCodec cursors;
    private final Increments increments;

    AuctionBrowseService(AuctionQueries queries, CursorCodec cursors, Increments increments) {
        this.queries = queries;
        this.cursors = cursors;
        this.increments = increments;
    }

    /** One auction as {@code caller} may see it; 404 when there is none. */
    @Transactional(readOnly = true)
    public AuctionResponse detail(UUID id, @Nullable Caller caller) {
        return queries.row(id, caller).orElseThrow(() -> NotFoundException.of("Auction", id)).view(caller, increments);
    }

    /** An auction's state right after a bid, as the bid's decision recorded it. */
    public record AfterBid(BigDecimal currentPrice, int bidCount, UUID leaderId, Instant endsAt, long version) {
    }

    /** An auction as a bid of its viewer left it, and that bidder as the auction shows them. */
    public record BidView(AuctionResponse auction, BidderRef bidder) {
    }

    /** An accepted bid's bidder, and their maximum once it was decided. */
    public record Bidder(Caller caller, BigDecimal yourMax) {
    }

    /**
     * Auction {@code id} as accepted bids left it ({@code state}), for each of {@code bidders} in order: what each bid's
     * answer shows, the same on every retry; one read for a whole batch of bids, which all leave the auction in the
     * batch's state. Only the seller's name is read as it is now.
     */
    public List<BidView> afterBids(UUID id, AfterBid state, List<Bidder> bidders) {
        LedRow read = queries.rowLedBy(id, state.leaderId(),
                        bidders.stream().map(bidder -> bidder.caller().id().value()).collect(Collectors.toSet()))
                .orElseThrow(() -> NotFoundException.of("Auction", id));
        return bidders.stream().map(bidder -> {
            // A bid's participant row is committed with it, so its bidder has a handle.
            int handle = read.handles().get(bidder.caller().id().value());
            return new BidView(read.row().after(state, bidder.yourMax(), handle).view(bidder.caller(), increments),
                    new BidderRef(AuctionRow.handle(handle), bidder.caller().id().value()));
        }).toList();
    }

    @Transactional(readOnly = true)
    Auctions list(AuctionFilter filter, @Nullable String sortParameter, @Nullable Integer pageSize,
            @Nullable String cursor, @Nullable Caller caller) {
        AuctionSort sort = AuctionSort.parse(sortParameter);
        PageRequest request = PageRequest.of(1, pageSize);
        After after = null;
        if (cursor != null) {
            Cursor decoded = cursors.decode(cursor, 3);
            if (!decoded.get(0).equals(sort.code())) {
                throw ValidationException.of("cursor", "was issued for another sort order; start again without it");
            }
            after = new After(sort.key().parse(decoded.get(1)), CursorCodec.id(decoded.get(2)));
        }
        List<AuctionRow> rows = queries.page(filter, sort, after, request.pageSize() + 1, caller);
        boolean more = rows.size() > request.pageSize();
        List<AuctionRow> shown = more ? rows.subList(0, request.pageSize()) : rows;
        String next = more ? cursors.encode(Cursor.of(sort.code(), sort.key().keyOf(shown.getLast()),
                shown.getLast().id().toString())) : null;
        return new Auctions(shown.stream().map(row -> row.view(caller, increments)).toList(),
                new CursorPagination(request.pageSize(), next));
    }

    @Transactional(readOnly = true)
    MyAuctions ofSeller(Caller caller, @Nullable Integer page, @Nullable Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        List<AuctionResponse> items = queries.ofSeller(caller.id(), request.pageSize(), request.offset(), caller)
                .stream().map(row -> row.view(caller, increments)).toList();
        return new MyAuctions(items, OffsetPagination.of(request, queries.countOfSeller(caller.id())));
    }

    @Transactional(readOnly = true)
    MyBids ofBidder(Caller caller, @Nullable Integer page, @Nullable Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        List<MyBid> items = queries.ofBidder(caller.id(), request.pageSize(), request.offset()).stream()
                .map(row -> new MyBid(row.view(caller, increments), standing(row, caller))).toList();
        return new MyBids(items, OffsetPagination.of(request, queries.countOfBidder(caller.id())));
    }

    @Transactional(readOnly = true)
    Bids bids(UUID auctionId, @Nullable Integer pageSize, @Nullable String cursor, @Nullable Caller caller) {
        AuctionRow auction = queries.row(auctionId, caller)
                .orElseThrow(() -> NotFoundException.of("Auction", auctionId));
        PageRequest request = PageRequest.of(1, pageSize);
        Long before = null;
        if (cursor != null) {
            Cursor decoded = cursors.decode(cursor, 3);
            if (!decoded.get(0).equals(BIDS_CURSOR) || !decoded.get(1).equals(auctionId.toString())) {
                throw ValidationException.of("cursor", "was issued for another list; start again without it");
            }
            try {
                before = Long.parseLong(decoded.get(2));
            } catch (NumberFormatException e) {
                throw CursorCodec.invalid();
            }
        }
        List<BidRow> rows = queries.bids(auctionId, before, request.pageSize() + 1);
        boolean more = rows.size() > request.pageSize();
        List<BidRow> shown = more ? rows.subList(0, request.pageSize()) : rows;
        boolean insider = caller != null && (caller.isAdmin() || caller.id().value().equals(auction.sellerId()));
        List<Bid> bids = shown.stream().map(row -> {
            boolean yours = caller != null && caller.id().value().equals(row.bidderId());
            return new Bid(row.seq(), new BidderRef(AuctionRow.handle(row.handle()),
                    insider || yours ? row.bidderId() : null), row.amount(), row.kind(), row.placedAt(), yours);
        }).toList();
        String next = more ? cursors.encode(Cursor.of(BIDS_CURSOR, auctionId.toString(),
                Long.toString(shown.getLast().seq()))) : null;
        return new Bids(auctionId, auction.currency(), bids, new CursorPagination(request.pageSize(), next));
    }

    private static String standing(AuctionRow row, Caller caller) {
        boolean leads = caller.id().value().equals(row.leaderId());
        return switch (row.status()) {
            case "ended" -> caller.id().value().equals(row.winnerId()) ? "won" : "lost";
            case "cancelled" -> "cancelled";
            default -> leads ? "leading" : "outbid";
        };
    }
}
