package live.blytz.auth.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.auth.internal.account.AccountResponse;
import live.blytz.auth.internal.token.AccessTokens;
import live.blytz.sharedkernel.error.UnauthorizedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh-token rotation (RFC 9700): every refresh spends the presented token and issues its successor; presenting a
 * spent token again revokes the whole session, and with it every access token the session issued.
 */
@Service
class RefreshService {

    static final String INVALID_REFRESH = "The refresh token is invalid, expired or revoked";

    private final SessionRepository sessions;
    private final SessionService sessionService;
    private final AccountRepository accounts;
    private final AccessTokens tokens;
    private final TransactionTemplate transactions;
    private final Duration idleTimeout;
    private final long expiresIn;
    private final Clock clock;

    RefreshService(SessionRepository sessions, SessionService sessionService, AccountRepository accounts,
            AccessTokens tokens, TransactionTemplate transactions, AuthProperties properties, Clock clock) {
        this.sessions = sessions;
        this.sessionService = sessionService;
        this.accounts = accounts;
        this.tokens = tokens;
        this.transactions = transactions;
        this.idleTimeout = properties.sessions().idleTimeout();
        this.expiresIn = properties.accessTokenLifetime().toSeconds();
        this.clock = clock;
    }

    TokenPair refresh(String refreshToken, ClientInfo client) {
        String hash = Secrets.hash(refreshToken);
        // Outcomes are returned, not thrown, so that a revocation for reuse is committed, not rolled back.
        Optional<TokenPair> pair = transactions.execute(status -> rotate(hash, client));
        return pair.orElseThrow(() -> new UnauthorizedException(INVALID_REFRESH));
    }

    private Optional<TokenPair> rotate(String hash, ClientInfo client) {
        Optional<SessionRepository.PresentedToken> presented = sessions.findByRefreshToken(hash);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        SessionRepository.Session session = presented.get().session();
        Instant now = clock.instant();
        if (session.revokedAt() != null) {
            return Optional.empty();
        }
        if (presented.get().spentAt() != null || !sessions.spend(hash, now)) {
            // A spent token came back (or lost a race with a concurrent refresh): whoever holds it, the family is
            // compromised, and the winner's new access token dies with the session.
            sessionService.revoke(session.id(), "refresh_token_reused", now);
            return Optional.empty();
        }
        if (!session.endsAt(idleTimeout).isAfter(now)) {
            sessionService.revoke(session.id(), "expired", now);
            return Optional.empty();
        }
        Account account = accounts.findById(session.accountId()).orElseThrow();
        if (!account.active()) {
            sessionService.revoke(session.id(), "suspended", now);
            return Optional.empty();
        }
        String refreshToken = Secrets.newSecret();
        sessions.addRefreshToken(session.id(), Secrets.hash(refreshToken), now);
        String access = tokens.issue(account.id(), account.role(), account.tokensValidAfter(), session.id());
        sessions.recordUse(session.id(), now, client);
        return Optional.of(new TokenPair(access, refreshToken, expiresIn, AccountResponse.of(account)));
    }
}
