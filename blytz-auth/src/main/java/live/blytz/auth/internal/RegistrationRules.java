package live.blytz.auth.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The profile data a registration carries (names, phone) must be what the users module accepts from
 * {@code UserRegistered}, or it would be dropped there silently: names 1 to 50 characters of plain text, the phone
 * normalisable to E.164 ({@code +} and 7 to 15 digits; typed separators and a leading {@code 00} allowed). Auth
 * cannot use the users module's internals, so the same rules are stated here.
 */
final class RegistrationRules {

    static final int MAX_NAME = 50;

    private static final Pattern TYPED_PHONE = Pattern.compile("^\\+?[0-9 ().\\-]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private RegistrationRules() {
    }

    /** Refuses the registration with a 400 naming every field the users module would not accept. */
    static void check(Registration registration) {
        List<FieldError> errors = new ArrayList<>();
        nameProblem(registration.firstName()).ifPresent(problem -> errors.add(new FieldError("first_name", problem)));
        nameProblem(registration.lastName()).ifPresent(problem -> errors.add(new FieldError("last_name", problem)));
        if (blankToNull(registration.phone()) != null && toE164(registration.phone()).isEmpty()) {
            errors.add(new FieldError("phone", "must be an international phone number (E.164), e.g. +4915112345678"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Optional<String> nameProblem(@Nullable String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > MAX_NAME) {
            return Optional.of("must be at most " + MAX_NAME + " characters");
        }
        if (CONTROL.matcher(value).find() || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            return Optional.of("must be plain text without control characters or angle brackets");
        }
        return Optional.empty();
    }

    static Optional<String> toE164(@Nullable String typed) {
        String value = blankToNull(typed);
        if (value == null || !TYPED_PHONE.matcher(value).matches()) {
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

    private static @Nullable String blankToNull(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return value.isEmpty() ? null : value;
    }
}
