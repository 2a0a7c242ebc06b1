package live.blytz.auth.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface AccountRepository extends CrudRepository<Account, UUID> {

    /** By the normalised address ({@link live.blytz.sharedkernel.EmailAddress}). */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    /** Accounts whose tokens were revoked after {@code since} (a new account's starts at its creation). */
    @Query("SELECT * FROM auth.accounts WHERE tokens_valid_after > :since AND tokens_valid_after > created_at")
    List<Account> findWithTokensRevokedSince(Instant since);
}
