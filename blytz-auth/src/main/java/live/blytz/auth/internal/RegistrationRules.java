package live.blytz.auth.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.PhoneNumbers;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;

/**
 * What a registration must be: a valid e-mail address, a password the {@link PasswordPolicy} accepts, and profile
 * data (names, phone) that the users module accepts from {@code UserRegistered}, or it would be dropped there
 * silently: names 1 to 50 characters of plain text, the phone normalisable to E.164 by the shared kernel's
 * {@link PhoneNumbers}, the rule users applies too. Auth cannot use the users module's internals, so the name
 * limits are stated here again. Every failing field is reported at once.
 */
public final class RegistrationRules {

    public static final int MAX_NAME = 50;

    private RegistrationRules() {
    }

    /** Every field these rules refuse; a missing e-mail or password is skipped (the request's own checks name it). */
    static List<FieldError> problems(@Nullable String email, @Nullable String password, @Nullable String firstName,
            @Nullable String lastName, @Nullable String phone, PasswordPolicy policy) {
        ValidationErrors errors = new ValidationErrors();
        if (email != null) {
            errors.collect(() -> EmailAddress.of(email));
        }
        if (password != null) {
            policy.problem(password).ifPresent(problem -> errors.add(new FieldError("password", problem)));
        }
        nameProblem(firstName).ifPresent(problem -> errors.add(new FieldError("first_name", problem)));
        nameProblem(lastName).ifPresent(problem -> errors.add(new FieldError("last_name", problem)));
        if (blankToNull(phone) != null && PhoneNumbers.toE164(phone).isEmpty()) {
            errors.add(new FieldError("phone", "must be an international phone number (E.164), e.g. +4915112345678"));
        }
        return errors.list();
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
