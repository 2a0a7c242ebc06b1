package live.blytz.auth.internal.session;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import live.blytz.auth.events.UserLoggedIn;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.auth.internal.account.AccountResponse;
import live.blytz.auth.internal.password.PasswordCheckService;
import live.blytz.auth.internal.token.AccessTokens;
import live.blytz.auth.internal.token.TokenRevocations;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.UnauthorizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login: checks the e-mail and password ({@link PasswordCheckService}, outside any transaction) and opens a session,
 * a refresh-token family (RFC 9700). An account holds at most {@code blytz.auth.sessions.max-per-account} sessions:
 * opening one more ends the least recently used. See ADR 0009 and 0016.
 */
@Service
class LoginService {

    /** A successful login: the tokens, and a fresh device token for the client (ADR 0016). */
    record LoggedIn(TokenPair tokens, String deviceToken) {
    }

    private final PasswordCheckService passwords;
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final AccessTokens tokens;
    private final TokenRevocations revocations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AuthProperties.Sessions settings;
    private final long expiresIn;
    private final Clock clock;

    LoginService(PasswordCheckService passwords, AccountRepository accounts, SessionRepository sessions,
            AccessTokens tokens, TokenRevocations revocations, TransactionTemplate transactions,
            ApplicationEventPublisher events, AuthProperties properties, Clock clock) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.revocations = revocations;
        this.transactions = transactions;
        this.events = events;
        this.settings = properties.sessions();
        this.expiresIn = properties.accessTokenLifetime().toSeconds();
        this.clock = clock;
    }

    LoggedIn login(String email, String password, ClientInfo client, @Nullable String deviceToken) {
        PasswordCheckService.VerifiedLogin verified = passwords.checkLogin(email, password, client.addressKey(),
                deviceToken);
        return new LoggedIn(openVerified(verified.account(), verified.rehash(), client), verified.deviceToken());
    }

    /**
     * Opens a session for an account whose password was checked against {@code verified.passwordHash()} outside
     * any transaction. The login is recorded only if the account is still active and still has that hash: a
     * suspension or password change committed meanwhile (during bcrypt) wins, and no token is issued.
     */
    TokenPair openVerified(Account verified, @Nullable String rehash, ClientInfo client) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (!accounts.recordLogin(verified.id().value(), verified.passwordHash(), rehash, now)) {
                boolean suspended = accounts.findById(verified.id().value()).map(a -> !a.active()).orElse(false);
                throw suspended ? new ForbiddenException(PasswordCheckService.SUSPENDED)
                        : new UnauthorizedException(PasswordCheckService.INVALID_CREDENTIALS);
            }
            // The row is locked by the update above until commit: this is the state the update left.
            Account current = accounts.findById(verified.id().value()).orElseThrow();
            events.publishEvent(new UserLoggedIn(current.id(), current.version(), now));
            return openSession(current, client, now);
        });
    }

    /** Opens a session; past the account's session limit the least recently used sessions end. */
    private TokenPair openSession(Account account, ClientInfo client, Instant now) {
        UUID sessionId = Ids.newId();
        sessions.create(new SessionRepository.Session(sessionId, account.id().value(), now, now,
                now.plus(settings.absoluteLifetime()), null, client.userAgent(), client.ip()));
        sessions.revokeBeyondLimit(account.id().value(), settings.maxPerAccount(), now,
                now.minus(settings.idleTimeout())).forEach(revocations::denySession);
        String refreshToken = Secrets.newSecret();
        sessions.addRefreshToken(sessionId, Secrets.hash(refreshToken), now);
        String access = tokens.issue(account.id(), account.role(), account.tokensValidAfter(), sessionId);
        return new TokenPair(access, refreshToken, expiresIn, AccountResponse.of(account));
    }
}
