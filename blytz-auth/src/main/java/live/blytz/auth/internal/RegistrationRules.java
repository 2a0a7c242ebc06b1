package live.blytz.auth.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import live.blytz.sharedkernel.PhoneNumbers;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;

/**
 * The profile data a registration carries (names, phone) must be what the users module accepts from
 * {@code UserRegistered}, or it would be dropped there silently: names 1 to 50 characters of plain text, the phone
 * normalisable to E.164 by the shared kernel's {@link PhoneNumbers}, the rule users applies too. Auth cannot use
 * the users module's internals, so the name limits are stated here again.
 */
public final class RegistrationRules {

    public static final int MAX_NAME = 50;

    private RegistrationRules() {
    }

    /** Refuses the registration with a 400 naming every field the users module would not accept. */
    static void check(Registration registration) {
        List<FieldError> errors = new ArrayList<>();
        nameProblem(registration.firstName()).ifPresent(problem -> errors.add(new FieldError("first_name", problem)));
        nameProblem(registration.lastName()).ifPresent(problem -> errors.add(new FieldError("last_name", problem)));
        if (blankToNull(registration.phone()) != null && PhoneNumbers.toE164(registration.phone()).isEmpty()) {
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
        if (!TextRule.SINGLE_LINE.accepts(value) || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            return Optional.of("must be plain text without control characters or angle brackets");
        }
        return Optional.empty();
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return value.isEmpty() ? null : value;
    }
}
