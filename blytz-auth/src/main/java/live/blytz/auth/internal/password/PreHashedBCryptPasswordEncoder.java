package live.blytz.auth.internal.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over a pre-hash of the password: bcrypt reads only the first 72 bytes of its input, so a long password
 * would be silently truncated (or refused by Spring's encoder). The pre-hash maps every password, however long, to
 * 44 ASCII bytes without NUL bytes (base64 of 32 bytes), keeping all of its entropy; bcrypt then does the slow,
 * salted work. See ADR 0008 and 0016.
 * <ul>
 * <li>{@link #hmacSha256} (id {@code bcrypt-hmac-sha256}, new hashes): the pre-hash is HMAC-SHA256 keyed with the
 * server-side pepper, so the stored hashes cannot be tested against unsalted SHA-256 hashes leaked elsewhere, nor
 * cracked at all without the pepper, which never enters the database;</li>
 * <li>{@link #sha256} (id {@code bcrypt-sha256}, as in passlib): the earlier unkeyed pre-hash, still verified so
 * that such hashes are migrated at the next successful login.</li>
 * </ul>
 */
final class PreHashedBCryptPasswordEncoder implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt;
    private final UnaryOperator<byte[]> preHash;

    private PreHashedBCryptPasswordEncoder(BCryptPasswordEncoder bcrypt, UnaryOperator<byte[]> preHash) {
        this.bcrypt = bcrypt;
        this.preHash = preHash;
    }

    static PreHashedBCryptPasswordEncoder hmacSha256(BCryptPasswordEncoder bcrypt, byte[] pepper) {
        SecretKeySpec key = new SecretKeySpec(pepper.clone(), "HmacSHA256");
        return new PreHashedBCryptPasswordEncoder(bcrypt, password -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every JDK has HmacSHA256", e);
            }
        });
    }

    static PreHashedBCryptPasswordEncoder sha256(BCryptPasswordEncoder bcrypt) {
        return new PreHashedBCryptPasswordEncoder(bcrypt, password -> {
            try {
                return MessageDigest.getInstance("SHA-256").digest(password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every JDK has SHA-256", e);
            }
        });
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(preHashed(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(preHashed(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private String preHashed(CharSequence rawPassword) {
        return Base64.getEncoder().encodeToString(
                preHash.apply(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
