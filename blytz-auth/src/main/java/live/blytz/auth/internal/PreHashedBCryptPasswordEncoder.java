package live.blytz.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over {@code base64(SHA-256(password))} (id {@code bcrypt-sha256}, as in passlib): bcrypt reads only
 * the first 72 bytes of its input, so a long password would be silently truncated (or refused by Spring's
 * encoder). The pre-hash maps every password, however long, to 44 ASCII bytes without NUL bytes, keeping all
 * of its entropy; bcrypt then does the slow, salted work. See ADR 0008.
 */
final class PreHashedBCryptPasswordEncoder implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt;

    PreHashedBCryptPasswordEncoder(BCryptPasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(preHash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(preHash(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    static String preHash(CharSequence rawPassword) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
