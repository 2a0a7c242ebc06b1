package live.blytz.auth.internal.password;

import java.util.Optional;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.UnauthorizedException;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Whether a password is the account's, asked by a login (e-mail and password) and by a password change (the
 * current password): on the bounded hashing pool, outside any transaction, and throttled ({@link LoginThrottle}) so
 * that neither is a fast password oracle. See ADR 0009 and 0016.
 */
@Service
public class PasswordCheckService {

    public static final String INVALID_CREDENTIALS = "The e-mail address or password is wrong";
    public static final String SUSPENDED = "This account is suspended";

    /**
     * A login's account, checked against {@code account.passwordHash()}; the new hash of the password when the
     * stored one is outdated (see {@link PasswordHashing#needsRehash}); and a fresh device token for the client.
     */
    public record VerifiedLogin(Account account, @Nullable String rehash, String deviceToken) {
    }

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final DeviceTokens devices;

    PasswordCheckService(AccountRepository accounts, PasswordHashing hashing, LoginThrottle throttle,
            DeviceTokens devices) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
        this.devices = devices;
    }

    /**
     * One answer (401) for an unknown address and a wrong password, and the same work for both: an unknown address
     * is compared against a dummy hash of the same cost. A valid {@code deviceToken} of this account makes the client
     * a trusted device, which the throttles against untrusted clients do not hold up (ADR 0016). The right password
     * of a suspended account is a 403.
     */
    public VerifiedLogin checkLogin(String rawEmail, String password, String client, @Nullable String deviceToken) {
        String email = EmailAddress.of(rawEmail).value();
        Optional<Account> found = accounts.findByEmail(email);
        LoginThrottle.Attempt attempt = throttle.reserve(email, client,
                found.flatMap(account -> devices.verify(deviceToken, account)).orElse(null));
        boolean matches = matches(attempt, password, found.map(Account::passwordHash).orElse(hashing.dummyHash()),
                client);
        if (found.isEmpty() || !matches) {
            throw new UnauthorizedException(INVALID_CREDENTIALS);
        }
        throttle.succeeded(attempt);
        Account verified = found.get();
        if (!verified.active()) {
            throw new ForbiddenException(SUSPENDED);
        }
        String rehash = hashing.needsRehash(verified.passwordHash()) ? hashing.hash(password, client) : null;
        return new VerifiedLogin(verified, rehash, devices.issue(verified));
    }

    /** A wrong current password is a 400 on {@code current_password}, throttled like a failed login (same counters). */
    void checkCurrent(Account account, String password, String client) {
        LoginThrottle.Attempt attempt = throttle.reserve(account.email(), client, null);
        if (!matches(attempt, password, account.passwordHash(), client)) {
            throw ValidationException.of("current_password", "is not the current password");
        }
        throttle.succeeded(attempt);
    }

    /** The attempt stays counted as a failure unless the password matches or was never checked (a busy pool). */
    private boolean matches(LoginThrottle.Attempt attempt, String password, String hash, String client) {
        try {
            return hashing.matches(password, hash, client);
        } catch (RuntimeException notChecked) {
            throttle.notChecked(attempt);
            throw notChecked;
        }
    }
}
