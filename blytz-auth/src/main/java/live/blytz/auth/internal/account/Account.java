package live.blytz.auth.internal.account;

import java.time.Instant;
import java.util.UUID;
import live.blytz.auth.internal.token.TokenTimes;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's credentials and standing: e-mail (normalised, unique), password hash, role, status. Every change
 * raises {@link #version()}, which events carry as {@code accountVersion} so that listeners can order them.
 * {@code tokensValidAfter} voids every access token issued before it (password change, suspension, role change);
 * {@code credentialVersion} counts the times the password was set, and voids the device tokens issued before.
 */
@Table(schema = "auth", name = "accounts")
public final class Account {

    private final @Id UUID id;
    private final String email;
    private String passwordHash;
    // The codes of a Role and an AccountStatus: Spring Data JDBC would store an enum field by its name.
    private String role;
    private String status;
    private boolean emailVerified;
    private @Nullable Instant lastLoginAt;
    private Instant tokensValidAfter;
    private long credentialVersion;
    private @Version @Nullable Long version;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Account(UUID id, String email, String passwordHash, String role, String status, boolean emailVerified,
            @Nullable Instant lastLoginAt, Instant tokensValidAfter, long credentialVersion, @Nullable Long version,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.status = status;
        this.emailVerified = emailVerified;
        this.lastLoginAt = lastLoginAt;
        this.tokensValidAfter = tokensValidAfter;
        this.credentialVersion = credentialVersion;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Account register(String email, String passwordHash, Role role, Instant now) {
        return new Account(UserId.newId().value(), email, passwordHash, Codes.of(role), Codes.of(AccountStatus.ACTIVE),
                false, null, TokenTimes.initial(now), 0, null, now, now);
    }

    public UserId id() {
        return new UserId(id);
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return Codes.parse(Role.class, role);
    }

    public AccountStatus status() {
        return Codes.parse(AccountStatus.class, status);
    }

    public boolean active() {
        return status() == AccountStatus.ACTIVE;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public @Nullable Instant lastLoginAt() {
        return lastLoginAt;
    }

    public Instant tokensValidAfter() {
        return tokensValidAfter;
    }

    /** How many times the password was changed or reset: a device token is bound to the value it was issued at. */
    public long credentialVersion() {
        return credentialVersion;
    }

    /** The optimistic-lock version: 0 after registration, +1 with every change. */
    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** A new password voids every access token issued before now, and every device token issued before it. */
    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.credentialVersion++;
        revokeTokens(now);
    }

    void changeRole(Role newRole, Instant now) {
        this.role = Codes.of(newRole);
        revokeTokens(now);
    }

    void suspend(Instant now) {
        this.status = Codes.of(AccountStatus.SUSPENDED);
        revokeTokens(now);
    }

    void reactivate(Instant now) {
        this.status = Codes.of(AccountStatus.ACTIVE);
        this.updatedAt = now;
    }

    public void verifyEmail(Instant now) {
        this.emailVerified = true;
        this.updatedAt = now;
    }

    /** Voids every access token issued before now (logout everywhere). */
    public void revokeTokens(Instant now) {
        this.tokensValidAfter = TokenTimes.revokedAt(now, tokensValidAfter);
        this.updatedAt = now;
    }
}
