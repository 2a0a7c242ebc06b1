package live.blytz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.users.events.UserProfileUpdated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalog module alone (plus the app's infrastructure): auth's and users' events in, the seller read model and
 * product visibility out — idempotent and tolerant of events arriving out of order.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class CatalogModuleTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registrationCreatesTheSellerAndProfileUpdatesNameThemInOrder(Scenario scenario) {
        UserId user = UserId.newId();
        scenario.publish(new UserRegistered(user, 1, Instant.now(), "s@blytz.test", Role.SELLER, "Sam", null, null))
                .andWaitForStateChange(() -> seller(user))
                .andVerify(row -> assertThat(row).containsEntry("suspended", false).containsEntry("account_version", 1L));

        scenario.publish(new UserProfileUpdated(user, 2, Instant.now(), "Sam's Shop", null))
                .andWaitForStateChange(() -> seller(user).get("display_name"), "Sam's Shop"::equals)
                .andVerify(name -> assertThat(name).isEqualTo("Sam's Shop"));
        scenario.publish(new UserProfileUpdated(user, 1, Instant.now(), "Older name", null))
                .andWaitForStateChange(() -> seller(user).get("profile_version"))
                .andVerify(version -> assertThat(seller(user)).containsEntry("display_name", "Sam's Shop"));
    }

    @Test
    void suspensionHidesTheSellersProductsAndAnOlderReactivationDoesNotBringThemBack(Scenario scenario) {
        CatalogRows rows = new CatalogRows(jdbc);
        UUID seller = rows.seller("Suspended Seller");
        UUID product = rows.product(seller, rows.category(null)).insert();

        scenario.publish(new AccountSuspended(new UserId(seller), 7, Instant.now()))
                .andWaitForStateChange(() -> listed(product), listed -> !listed)
                .andVerify(listed -> assertThat(listed).isFalse());

        scenario.publish(new AccountReactivated(new UserId(seller), 6, Instant.now()))
                .andWaitForStateChange(() -> seller(new UserId(seller)).get("account_version"))
                .andVerify(version -> assertThat(listed(product)).isFalse());

        scenario.publish(new AccountReactivated(new UserId(seller), 8, Instant.now()))
                .andWaitForStateChange(() -> listed(product), listed -> listed)
                .andVerify(listed -> assertThat(seller(new UserId(seller))).containsEntry("suspended", false));
    }

    private Map<String, Object> seller(UserId id) {
        return jdbc.queryForList("SELECT * FROM catalog.sellers WHERE id = ?", id.value()).stream().findFirst()
                .orElse(null);
    }

    private boolean listed(UUID product) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT listed FROM catalog.products WHERE id = ?",
                Boolean.class, product));
    }
}
