package live.blytz.auth.internal.password;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.account.Account;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Device tokens after OWASP's "Slow Down Online Guessing Attacks with Device Cookies" (ADR 0016): a successful
 * login, or the confirmation of a password reset (which proves control of the mailbox), hands the client an opaque
 * token bound to the account's e-mail address and to its password as it is then; a later login of that account
 * presenting it comes from a device that knew that password, and is exempt from the throttles that guard against
 * untrusted clients (its own failures are counted per device instead, see {@link LoginThrottle}). A new password
 * ({@link Account#credentialVersion()}) voids every token issued before it: a stolen device is not trusted after
 * its owner changed or reset the password.
 * <p>
 * Stateless: {@code base64url(version | issued-at | nonce | HMAC-SHA256(key, email, credential version, issued-at,
 * nonce))} with the key from {@code blytz.auth.device-tokens.key}, shared by every instance. Neither the e-mail
 * address nor the credential version is in the token; it only verifies together with the account the login names.
 * The nonce identifies the device for its failure counter.
 */
@Component
class DeviceTokens {

    /** The device, identified by its token's nonce (hex), for the per-device failure counter. */
    record Device(String id) {
    }

    // 2: the MAC covers the credential version too (version 1 tokens no longer verify).
    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final int TOKEN_BYTES = 1 + Long.BYTES + NONCE_BYTES + MAC_BYTES;
    private static final int MAX_ENCODED_LENGTH = 128;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    DeviceTokens(AuthProperties properties, Clock clock) {
        this.clock = clock;
        this.key = new SecretKeySpec(properties.deviceTokens().macKey(), "HmacSHA256");
        this.lifetime = properties.deviceTokens().lifetime();
    }

    /** A new token for a client that has just proved it knows the account's current password or controls its mailbox. */
    String issue(Account account) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        long issuedAt = clock.instant().getEpochSecond();
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES).put(VERSION).putLong(issuedAt).put(nonce)
                .put(mac(account, issuedAt, nonce));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * The device, if {@code token} was issued by this key for this account since its password was last set, and has
     * not expired.
     */
    Optional<Device> verify(@Nullable String token, Account account) {
        if (token == null || token.isEmpty() || token.length() > MAX_ENCODED_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long issuedAt = buffer.getLong();
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] presented = new byte[MAC_BYTES];
        buffer.get(presented);
        if (!MessageDigest.isEqual(presented, mac(account, issuedAt, nonce))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant issued = Instant.ofEpochSecond(issuedAt);
        if (issued.plus(lifetime).isBefore(now) || issued.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Optional.empty();
        }
        return Optional.of(new Device(HexFormat.of().formatHex(nonce)));
    }

    private byte[] mac(Account account, long issuedAt, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("blytz-device-token\0".getBytes(StandardCharsets.UTF_8));
            mac.update(account.email().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(2 * Long.BYTES).putLong(account.credentialVersion()).putLong(issuedAt)
                    .array());
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
