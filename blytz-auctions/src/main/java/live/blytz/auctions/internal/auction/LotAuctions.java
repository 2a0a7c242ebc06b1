package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.auctions.events.AuctionOpened;
import live.blytz.auctions.internal.auction.AuctionFact.Opened;
import live.blytz.catalog.AuctionableProduct;
import live.blytz.catalog.ProductAuctions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auction of a live show's lot (ADR 0030), opened by the show when the lot starts, in the show's transaction: it
 * runs at once for a short countdown with its own soft-close window, under the id the lot reserved its product with.
 * From then on it is an auction like any other (bids, buy now, cancel, the closer).
 */
@Component
public class LotAuctions {

    private final AuctionRepository auctions;
    private final ProductAuctions products;
    private final ApplicationEventPublisher events;

    LotAuctions(AuctionRepository auctions, ProductAuctions products, ApplicationEventPublisher events) {
        this.auctions = auctions;
        this.products = products;
        this.events = events;
    }

    /** A lot's auction as it opened. */
    public record LotAuction(UUID auctionId, String currency, BigDecimal startingPrice, Instant endsAt) {
    }

    /**
     * Opens auction {@code auctionId} of {@code productId}, running from {@code now} for {@code countdown}; a bid in
     * its last {@code extension} moves its end to the bid's time plus {@code extension}. Catalog renews the lot's
     * reservation and gives the product's prices of this moment (a 409 if it is no longer auctionable).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LotAuction open(UUID auctionId, UUID productId, Duration countdown, Duration extension, Instant now) {
        AuctionableProduct reserved = products.reserve(productId, auctionId);
        Opened opened = Opened.of(reserved, now, now.plus(countdown), true, extension);
        auctions.record(Auction.before(auctionId), List.of(opened), now);
        events.publishEvent(new AuctionOpened(auctionId, reserved.id(), reserved.sellerId(), opened.currency(),
                opened.startingPrice(), now, opened.endsAt(), now));
        return new LotAuction(auctionId, opened.currency(), opened.startingPrice(), opened.endsAt());
    }
}
