package live.blytz.auctions.internal.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.AuctionHttp;
import live.blytz.auctions.ShowHttp;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A show its seller never started is ended once it is stale-after past its start, and its lots free their products. */
@BlytzIntegrationTest
class StaleShowTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShowService service;

    @Test
    void aShowNeverStartedEndsOnceStaleAndItsLotsFreeTheirProducts() {
        TestAccounts accounts = new TestAccounts(http);
        Account seller = accounts.register(Role.SELLER);
        ShowHttp shows = new ShowHttp(http);
        AuctionHttp auctions = new AuctionHttp(http);
        String stale = shows.show(seller);
        String lot = shows.lot(seller, stale);
        String product = (String) shows.lotOf(stale, lot).get("product_id");
        String recent = shows.show(seller);
        // Its start passed two days ago (24 h is the default stale-after); the other's an hour ago.
        jdbc.sql("UPDATE auctions.shows SET starts_at = now() - interval '2 days' WHERE id = ?")
                .param(UUID.fromString(stale)).update();
        jdbc.sql("UPDATE auctions.shows SET starts_at = now() - interval '1 hour' WHERE id = ?")
                .param(UUID.fromString(recent)).update();

        assertThat(service.endStale()).isGreaterThanOrEqualTo(1);
        assertThat(shows.lotOf(stale, lot)).containsEntry("status", "withdrawn");
        assertThat(auctions.productOf(product, seller)).containsEntry("auction_id", null);
        assertThat(jdbc.sql("SELECT status FROM auctions.shows WHERE id = ?").param(UUID.fromString(stale))
                .query(String.class).single()).isEqualTo("ended");
        assertThat(jdbc.sql("SELECT status FROM auctions.shows WHERE id = ?").param(UUID.fromString(recent))
                .query(String.class).single()).isEqualTo("scheduled");
        // Once ended, it is not ended again.
        long facts = jdbc.sql("SELECT seq FROM auctions.shows WHERE id = ?").param(UUID.fromString(stale))
                .query(Long.class).single();
        service.endStale();
        assertThat(jdbc.sql("SELECT seq FROM auctions.shows WHERE id = ?").param(UUID.fromString(stale))
                .query(Long.class).single()).isEqualTo(facts);
    }
}
