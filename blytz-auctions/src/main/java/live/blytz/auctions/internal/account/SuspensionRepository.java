package live.blytz.auctions.internal.account;

import live.blytz.sharedkernel.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which accounts are suspended, as auth's events say. An update applies only if its {@code accountVersion} is newer
 * than the one stored, so replayed or out-of-order events change nothing.
 */
@Repository
public class SuspensionRepository {

    private final JdbcClient jdbc;

    SuspensionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether auth has suspended the account (and not reactivated it since). */
    public boolean suspended(UserId id) {
        return jdbc.sql("SELECT suspended FROM auctions.accounts WHERE id = :id")
                .param("id", id.value()).query(Boolean.class).optional().orElse(false);
    }

    /** Records auth's state of the account at {@code accountVersion}, unless a newer one is recorded already. */
    public void apply(UserId id, boolean suspended, long accountVersion) {
        jdbc.sql("""
                        INSERT INTO auctions.accounts AS a (id, suspended, account_version)
                        VALUES (:id, :suspended, :version)
                        ON CONFLICT (id) DO UPDATE SET suspended = EXCLUDED.suspended,
                            account_version = EXCLUDED.account_version
                        WHERE a.account_version < EXCLUDED.account_version""")
                .param("id", id.value()).param("suspended", suspended).param("version", accountVersion)
                .update();
    }
}
