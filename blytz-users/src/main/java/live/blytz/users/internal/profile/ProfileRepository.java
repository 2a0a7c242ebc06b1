package live.blytz.users.internal.profile;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

/** Loads and saves profiles whole; creates them idempotently. */
interface ProfileRepository extends Repository<Profile, UUID> {

    Optional<Profile> findById(UUID id);

    /** Loads a profile and holds its row lock until the transaction ends, so that no edit slips in between. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Profile> findLockedById(UUID id);

    /** Saves an edited profile; a concurrent edit since it was loaded fails with an optimistic-locking error. */
    Profile save(Profile profile);

    /**
     * Creates a profile at version 0 unless one exists: of two racing creators exactly one gets true, so only that
     * one announces it.
     */
    @Modifying
    @Query("""
            INSERT INTO users.profiles (id, first_name, last_name, phone, version, created_at, updated_at)
            VALUES (:id, :firstName, :lastName, :phone, 0, :createdAt, :now)
            ON CONFLICT (id) DO NOTHING""")
    boolean insertIfAbsent(UUID id, @Nullable String firstName, @Nullable String lastName, @Nullable String phone,
            Instant createdAt, Instant now);
}
