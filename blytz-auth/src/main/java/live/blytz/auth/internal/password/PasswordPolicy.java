package live.blytz.auth.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import live.blytz.auth.internal.AuthProperties;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B / ASVS 6.2: length between {@code minLength} and {@code maxLength} characters (code points,
 * after Unicode NFKC normalisation, so "é" typed two ways counts and hashes alike), any characters, no
 * composition rules, and not one of the most common passwords (a bundled list, compared case-insensitively).
 */
@Component
public class PasswordPolicy {

    /**
     * The longest password a request may carry: Bean Validation caps the raw size early, then the policy applies its
     * configured limits, which the OpenAPI document states ({@link PasswordLengthsInApiDocs}).
     */
    public static final int MAX_INPUT = 1024;

    static final String COMMON_PASSWORDS = "auth/common-passwords.txt";

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    PasswordPolicy(AuthProperties properties) {
        this.minLength = properties.password().minLength();
        this.maxLength = properties.password().maxLength();
        this.common = load();
    }

    /** The form every password is hashed and compared in. */
    static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Why the password is not acceptable, or empty when it is. */
    public Optional<String> problem(String password) {
        String normalised = normalise(password);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minLength) {
            return Optional.of("must be at least " + minLength + " characters long");
        }
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters long");
        }
        if (normalised.isBlank()) {
            return Optional.of("must not be only spaces");
        }
        if (common.contains(normalised.toLowerCase(Locale.ROOT))) {
            return Optional.of("is too common; choose one that is harder to guess");
        }
        return Optional.empty();
    }

    int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException("The common-password list " + COMMON_PASSWORDS + " is missing");
        }
        Set<String> passwords = new HashSet<>(32_768);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(normalise(line).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
