package live.blytz.users.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

/** Loads and saves profiles whole. New profiles are inserted by {@link ProfileProvisioning}, idempotently. */
interface ProfileRepository extends Repository<Profile, UUID> {

    Optional<Profile> findById(UUID id);

    /** Loads a profile and holds its row lock until the transaction ends, so that no edit slips in between. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Profile> findLockedById(UUID id);

    /** Saves an edited profile; a concurrent edit since it was loaded fails with an optimistic-locking error. */
    Profile save(Profile profile);
}
