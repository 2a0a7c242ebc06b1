package live.blytz.sharedkernel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises a phone number to E.164 ({@code +} then 7 to 15 digits, no leading zero): the separators people
 * type (spaces, dashes, dots, parentheses) are dropped and a leading {@code 00} becomes {@code +}. A number
 * without a country code is refused: it cannot be normalised without guessing the country. This checks the
 * shape only; whether the number exists is proven by whoever calls it. Shared, so that auth accepts at
 * registration exactly what users stores.
 */
public final class PhoneNumbers {

    private static final Pattern TYPED = Pattern.compile("^\\+?[0-9 ().\\-]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private PhoneNumbers() {
    }

    public static Optional<String> toE164(String typed) {
        String value = typed.strip();
        if (!TYPED.matcher(value).matches()) {
            return Optional.empty();
        }
        String digits = value.replaceAll("[^0-9]", "");
        String normalised;
        if (value.startsWith("+")) {
            normalised = "+" + digits;
        } else if (digits.startsWith("00")) {
            normalised = "+" + digits.substring(2);
        } else {
            return Optional.empty();
        }
        return E164.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }
}
