package live.blytz.auth.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.auth.events.UserLoggedIn;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.UnauthorizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login, refresh, logout and sessions. A session is a refresh-token family (RFC 9700): every refresh spends the
 * presented token and issues its successor; presenting a spent token again revokes the whole session. Ending a
 * session voids every access token it issued (by its id, {@link TokenRevocations#denySession}). An account holds
 * at most {@code blytz.auth.sessions.max-per-account} sessions. See ADR 0009 and 0016.
 */
@Service
public class LoginService {

    static final String INVALID_CREDENTIALS = "The e-mail address or password is wrong";
    static final String SUSPENDED = "This account is suspended";
    static final String INVALID_REFRESH = "The refresh token is invalid, expired or revoked";

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final DeviceTokens devices;
    private final SessionStore sessions;
    private final AccessTokens tokens;
    private final TokenRevocations revocations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final AuthProperties.Sessions sessionSettings;
    private final long expiresIn;
    private final Clock clock = Clock.systemUTC();

    /** A successful login: the tokens, and a fresh device token for the client (ADR 0016). */
    public record LoggedIn(TokenPair tokens, String deviceToken) {
    }

    LoginService(AccountRepository accounts, PasswordHashing hashing, LoginThrottle throttle, DeviceTokens devices,
            SessionStore sessions, AccessTokens tokens, TokenRevocations revocations, TransactionTemplate transactions,
            ApplicationEventPublisher events, JdbcClient jdbc, AuthProperties properties) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
        this.devices = devices;
        this.sessions = sessions;
        this.tokens = tokens;
        this.revocations = revocations;
        this.transactions = transactions;
        this.events = events;
        this.jdbc = jdbc;
        this.sessionSettings = properties.sessions();
        this.expiresIn = properties.accessTokenLifetime().toSeconds();
    }

    /**
     * One answer (401) for an unknown address and a wrong password, and the same work for both: an unknown
     * address is compared against a dummy hash of the same cost. A valid {@code deviceToken} of this account makes
     * the client a trusted device, which the throttles against untrusted clients do not hold up (ADR 0016).
     */
    public LoggedIn login(String rawEmail, String password, ClientInfo client, @Nullable String deviceToken) {
        String email = EmailAddress.of(rawEmail).value();
        DeviceTokens.Device trusted = throttle.check(email, client.addressKey(),
                devices.verify(deviceToken, email).orElse(null));
        Optional<Account> found = accounts.findByEmail(email);
        boolean matches = hashing.matches(password, found.map(Account::passwordHash).orElse(hashing.dummyHash()),
                client.addressKey());
        if (found.isEmpty() || !matches) {
            throttle.failed(email, client.addressKey(), trusted);
            throw new UnauthorizedException(INVALID_CREDENTIALS);
        }
        throttle.succeeded(email, client.addressKey(), trusted);
        Account verified = found.get();
        if (!verified.active()) {
            throw new ForbiddenException(SUSPENDED);
        }
        String rehash = hashing.needsRehash(verified.passwordHash())
                ? hashing.hash(password, client.addressKey()) : null;
        return new LoggedIn(openVerified(verified, rehash, client), devices.issue(email));
    }

    /**
     * Opens a session for an account whose password was checked against {@code verified.passwordHash()} outside
     * any transaction. The login is recorded only if the account is still active and still has that hash: a
     * suspension or password change committed meanwhile (during bcrypt) wins, and no token is issued.
     */
    TokenPair openVerified(Account verified, @Nullable String rehash, ClientInfo client) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (!recordLogin(verified, rehash, now)) {
                boolean suspended = accounts.findById(verified.id().value()).map(a -> !a.active()).orElse(false);
                throw suspended ? new ForbiddenException(SUSPENDED) : new UnauthorizedException(INVALID_CREDENTIALS);
            }
            // The row is locked by the update above until commit: this is the state the update left.
            Account current = accounts.findById(verified.id().value()).orElseThrow();
            events.publishEvent(new UserLoggedIn(current.id(), current.version(), now));
            return openSession(current, client, now);
        });
    }

    public TokenPair refresh(String refreshToken, ClientInfo client) {
        String hash = Secrets.hash(refreshToken);
        // Outcomes are returned, not thrown, so that a revocation for reuse is committed, not rolled back.
        Optional<TokenPair> pair = transactions.execute(status -> rotate(hash, client));
        return pair.orElseThrow(() -> new UnauthorizedException(INVALID_REFRESH));
    }

    /** Ends the caller's session (and the session of {@code refreshToken}, if given): its access tokens stop working. */
    public void logout(UserId user, UUID sessionId, @Nullable String refreshToken) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            // The access token's own session (its sid, signed with its sub): denied even if already gone.
            revoke(sessionId, "logout", now);
            if (refreshToken != null) {
                sessions.findByRefreshToken(Secrets.hash(refreshToken))
                        .filter(presented -> presented.session().accountId().equals(user.value()))
                        .ifPresent(presented -> revokeOwn(user, presented.session().id(), "logout", now));
            }
        });
    }

    /** Ends every session of the user and voids all of their access tokens. */
    public void logoutAll(UserId user) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            sessions.revokeAll(user.value(), null, "logout_all", now);
            Account account = accounts.findById(user.value()).orElseThrow(() -> NotFoundException.of("Account", user));
            account.revokeTokens(now);
            Account saved = accounts.save(account);
            revocations.revokeBefore(user, saved.tokensValidAfter());
        });
    }

    public List<SessionView> sessions(UserId user, @Nullable UUID currentSessionId) {
        Instant now = clock.instant();
        return sessions.active(user.value(), now, now.minus(sessionSettings.idleTimeout())).stream()
                .map(session -> SessionView.of(session, session.id().equals(currentSessionId),
                        idleExpiry(session)))
                .toList();
    }

    /** Ends one of the user's sessions; another user's session is reported as not found. */
    public void endSession(UserId user, UUID sessionId) {
        transactions.executeWithoutResult(status -> {
            Optional<SessionStore.Session> session = sessions.find(sessionId)
                    .filter(found -> found.accountId().equals(user.value()) && found.revokedAt() == null);
            if (session.isEmpty()) {
                throw NotFoundException.of("Session", sessionId);
            }
            revokeOwn(user, sessionId, "ended_by_user", clock.instant());
        });
    }

    /** Revokes one of the user's sessions and voids its access tokens. */
    private void revokeOwn(UserId user, UUID sessionId, String reason, Instant now) {
        sessions.find(sessionId).filter(session -> session.accountId().equals(user.value()))
                .ifPresent(session -> revoke(session.id(), reason, now));
    }

    /** Revokes a session and voids every access token it issued, a concurrent refresh's included. */
    private void revoke(UUID sessionId, String reason, Instant now) {
        sessions.revoke(sessionId, reason, now);
        revocations.denySession(sessionId);
    }

    private Optional<TokenPair> rotate(String hash, ClientInfo client) {
        Optional<SessionStore.PresentedToken> presented = sessions.findByRefreshToken(hash);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        SessionStore.Session session = presented.get().session();
        Instant now = clock.instant();
        if (session.revokedAt() != null) {
            return Optional.empty();
        }
        if (presented.get().spentAt() != null || !sessions.spend(hash, now)) {
            // A spent token came back (or lost a race with a concurrent refresh): whoever holds it, the family is
            // compromised, and the winner's new access token dies with the session.
            revoke(session.id(), "refresh_token_reused", now);
            return Optional.empty();
        }
        if (!session.expiresAt().isAfter(now) || !idleExpiry(session).isAfter(now)) {
            revoke(session.id(), "expired", now);
            return Optional.empty();
        }
        Account account = accounts.findById(session.accountId()).orElseThrow();
        if (!account.active()) {
            revoke(session.id(), "suspended", now);
            return Optional.empty();
        }
        String refreshToken = Secrets.newSecret();
        sessions.addRefreshToken(session.id(), Secrets.hash(refreshToken), now);
        String access = tokens.issue(account, session.id());
        sessions.recordUse(session.id(), now, client);
        return Optional.of(new TokenPair(access, refreshToken, expiresIn, AccountView.of(account)));
    }

    /** Opens a session; past the account's session limit the least recently used sessions end. */
    private TokenPair openSession(Account account, ClientInfo client, Instant now) {
        UUID sessionId = Ids.newId();
        sessions.create(new SessionStore.Session(sessionId, account.id().value(), now, now,
                now.plus(sessionSettings.absoluteLifetime()), null, client.userAgent(), client.ip()));
        sessions.revokeBeyondLimit(account.id().value(), sessionSettings.maxPerAccount(), now,
                now.minus(sessionSettings.idleTimeout())).forEach(revocations::denySession);
        String refreshToken = Secrets.newSecret();
        sessions.addRefreshToken(sessionId, Secrets.hash(refreshToken), now);
        String access = tokens.issue(account, sessionId);
        return new TokenPair(access, refreshToken, expiresIn, AccountView.of(account));
    }

    /**
     * Sets {@code last_login_at} (and the rehash, if any) in one statement, so that concurrent logins of one account
     * never conflict, and only while the account is active with the hash that was verified; false when the
     * account changed meanwhile.
     */
    private boolean recordLogin(Account verified, @Nullable String rehash, Instant now) {
        return jdbc.sql("""
                UPDATE auth.accounts
                SET last_login_at = :now, updated_at = :now, version = version + 1,
                    password_hash = COALESCE(CAST(:rehash AS varchar), password_hash)
                WHERE id = :id AND status = 'active' AND password_hash = :verified""")
                .param("now", Timestamp.from(now))
                .param("rehash", rehash)
                .param("verified", verified.passwordHash())
                .param("id", verified.id().value())
                .update() == 1;
    }

    private Instant idleExpiry(SessionStore.Session session) {
        Instant idle = session.lastUsedAt().plus(sessionSettings.idleTimeout());
        return idle.isBefore(session.expiresAt()) ? idle : session.expiresAt();
    }
}
