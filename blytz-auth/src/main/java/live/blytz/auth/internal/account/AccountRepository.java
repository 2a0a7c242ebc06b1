package live.blytz.auth.internal.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface AccountRepository extends CrudRepository<Account, UUID> {

    /** By the normalised address ({@link live.blytz.sharedkernel.EmailAddress}). */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    /**
     * Records a login: sets {@code last_login_at} (and the rehash, if any) in one statement, so that concurrent logins
     * of one account never conflict, and only while the account is active with the hash that was verified; false
     * when the account changed meanwhile. The row stays locked until the caller's transaction ends.
     */
    @Modifying
    @Query("""
            UPDATE auth.accounts
            SET last_login_at = :now, updated_at = :now, version = version + 1,
                password_hash = COALESCE(CAST(:rehash AS varchar), password_hash)
            WHERE id = :id AND status = 'active' AND password_hash = :verifiedHash""")
    boolean recordLogin(UUID id, String verifiedHash, @Nullable String rehash, Instant now);
}
