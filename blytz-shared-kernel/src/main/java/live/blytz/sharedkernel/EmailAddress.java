package live.blytz.sharedkernel;

import java.util.Locale;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.error.ValidationException;

/**
 * A syntactically valid e-mail address, normalised (trimmed, lower-cased) so that two spellings of one
 * mailbox compare equal and a unique index on the value is case-insensitive.
 */
public record EmailAddress(String value) {

    // Pragmatic shape check (RFC 5321 lengths, one @, a dotted domain); deliverability is proven by verification mail.
    private static final Pattern SHAPE = Pattern.compile(
            "^[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+$");
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null) {
            throw ValidationException.of("email", "must not be blank");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw ValidationException.of("email", "must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH || !SHAPE.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.contains(".@")) {
            throw ValidationException.of("email", "must be a valid e-mail address");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
