package live.blytz.catalog.internal.seller;

import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Catalog's read model of sellers. Each update applies only if its version is newer than the one stored, so
 * replayed or out-of-order events change nothing: account state is ordered by auth's {@code accountVersion},
 * the profile by users' {@code profileVersion}, independently.
 */
@Repository
class SellerRepository {

    private final JdbcClient jdbc;

    SellerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records whether the account is suspended as of {@code accountVersion}; true if that changed anything. */
    boolean applyAccountState(UserId id, boolean suspended, long accountVersion) {
        return jdbc.sql("""
                        INSERT INTO catalog.sellers AS s (id, suspended, account_version) VALUES (:id, :suspended, :version)
                        ON CONFLICT (id) DO UPDATE SET suspended = EXCLUDED.suspended,
                            account_version = EXCLUDED.account_version
                        WHERE s.account_version < EXCLUDED.account_version""")
                .param("id", id.value()).param("suspended", suspended).param("version", accountVersion)
                .update() == 1;
    }

    boolean applyProfile(UserId id, String displayName, long profileVersion) {
        return jdbc.sql("""
                        INSERT INTO catalog.sellers AS s (id, display_name, profile_version)
                        VALUES (:id, :name, :version)
                        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                            profile_version = EXCLUDED.profile_version
                        WHERE s.profile_version < EXCLUDED.profile_version""")
                .param("id", id.value()).param("name", displayName).param("version", profileVersion)
                .update() == 1;
    }

    /** Copies the seller's suspension onto their products (it drives the listing's partial indexes). */
    List<UUID> hideOrShowProducts(UserId id, boolean suspended) {
        return jdbc.sql("""
                        UPDATE catalog.products SET seller_suspended = :suspended
                        WHERE seller_id = :id AND seller_suspended <> :suspended RETURNING id""")
                .param("id", id.value()).param("suspended", suspended)
                .query(UUID.class).list();
    }
}
