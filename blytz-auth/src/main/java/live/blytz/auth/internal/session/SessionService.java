package live.blytz.auth.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.auth.internal.token.TokenRevocations;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's sessions: listing them, and ending one, this one (logout) or all of them. Ending a session voids every
 * access token it issued, through its id ({@link TokenRevocations#denySession}); ending all of them moves the
 * account's {@code tokens_valid_after} (ADR 0009).
 */
@Service
public class SessionService {

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final TokenRevocations revocations;
    private final TransactionTemplate transactions;
    private final Duration idleTimeout;
    private final Clock clock;

    SessionService(SessionRepository sessions, AccountRepository accounts, TokenRevocations revocations,
            TransactionTemplate transactions, AuthProperties properties, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.revocations = revocations;
        this.transactions = transactions;
        this.idleTimeout = properties.sessions().idleTimeout();
        this.clock = clock;
    }

    /** The user's active sessions, most recently used first; {@code current} marks the caller's. */
    Page<SessionResponses.Session> list(UserId user, @Nullable UUID currentSessionId, PageRequest page) {
        Instant now = clock.instant();
        List<SessionResponses.Session> all = sessions.active(user.value(), now, now.minus(idleTimeout)).stream()
                .map(session -> SessionResponses.Session.of(session, session.id().equals(currentSessionId),
                        session.endsAt(idleTimeout)))
                .toList();
        List<SessionResponses.Session> items = all.stream().skip(page.offset()).limit(page.pageSize()).toList();
        return Page.of(items, page, all.size());
    }

    /** Ends one of the user's sessions; another user's session is reported as not found. */
    void end(UserId user, UUID sessionId) {
        transactions.executeWithoutResult(status -> {
            Optional<SessionRepository.Session> session = sessions.find(sessionId)
                    .filter(found -> found.accountId().equals(user.value()) && found.revokedAt() == null);
            if (session.isEmpty()) {
                throw NotFoundException.of("Session", sessionId);
            }
            revokeOwn(user, sessionId, "ended_by_user", clock.instant());
        });
    }

    /** Ends the caller's session (and the session of {@code refreshToken}, if given): its access tokens stop working. */
    void logout(UserId user, @Nullable UUID sessionId, @Nullable String refreshToken) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            // The access token's own session (its sid, signed with its sub): denied even if already gone.
            if (sessionId != null) {
                revoke(sessionId, "logout", now);
            }
            if (refreshToken != null) {
                sessions.findByRefreshToken(Secrets.hash(refreshToken))
                        .filter(presented -> presented.session().accountId().equals(user.value()))
                        .ifPresent(presented -> revokeOwn(user, presented.session().id(), "logout", now));
            }
        });
    }

    /** Ends every session of the user and voids all of their access tokens. */
    void logoutAll(UserId user) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Account account = accounts.findById(user.value()).orElseThrow(() -> NotFoundException.of("Account", user));
            account.revokeTokens(now);
            endAllOf(accounts.save(account), null, "logout_all", now);
        });
    }

    /**
     * Ends every session of the account but {@code keep} (may be null) and publishes its {@code tokens_valid_after},
     * just moved and saved by the caller in the same transaction: every access token issued before it stops working.
     */
    public void endAllOf(Account account, @Nullable UUID keep, String reason, Instant now) {
        sessions.revokeAll(account.id().value(), keep, reason, now);
        revocations.revokeBefore(account.id(), account.tokensValidAfter());
    }

    /** Revokes a session and voids every access token it issued, a concurrent refresh's included. */
    void revoke(UUID sessionId, String reason, Instant now) {
        sessions.revoke(sessionId, reason, now);
        revocations.denySession(sessionId);
    }

    /** Revokes one of the user's sessions and voids its access tokens. */
    private void revokeOwn(UserId user, UUID sessionId, String reason, Instant now) {
        sessions.find(sessionId).filter(session -> session.accountId().equals(user.value()))
                .ifPresent(session -> revoke(session.id(), reason, now));
    }
}
