package live.blytz.auctions.internal.account;

import live.blytz.sharedkernel.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts' public display names, as users' events say; the auction reads join them to show an auction's seller. An
 * update applies only if its {@code profileVersion} is newer than the one stored, so replayed or out-of-order events
 * change nothing.
 */
@Repository
class DisplayNameRepository {

    private final JdbcClient jdbc;

    DisplayNameRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the account's display name at {@code profileVersion}, unless a newer one is recorded already. */
    void apply(UserId id, String displayName, long profileVersion) {
        jdbc.sql("""
                        INSERT INTO auctions.accounts AS a (id, display_name, profile_version)
                        VALUES (:id, :name, :version)
                        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                            profile_version = EXCLUDED.profile_version
                        WHERE a.profile_version < EXCLUDED.profile_version""")
                .param("id", id.value()).param("name", displayName).param("version", profileVersion)
                .update();
    }
}
