package live.blytz.auth.internal.account;

import java.text.Normalizer;
import java.util.List;
import live.blytz.auth.internal.password.PasswordPolicy;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.PersonNames;
import live.blytz.sharedkernel.PhoneNumbers;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationErrors;
import org.jspecify.annotations.Nullable;

/**
 * What a registration must be: a valid e-mail address, a password the {@link PasswordPolicy} accepts, and profile
 * data that the users module accepts from {@code UserRegistered}, or it would be dropped there silently: names by
 * the shared kernel's {@link PersonNames}, the phone normalisable to E.164 by its {@link PhoneNumbers}. Every
 * failing field is reported at once.
 */
final class RegistrationRules {

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
        nameProblem("first_name", firstName, errors);
        nameProblem("last_name", lastName, errors);
        if (blankToNull(phone) != null && PhoneNumbers.toE164(phone).isEmpty()) {
            errors.add(new FieldError("phone", "must be an international phone number (E.164), e.g. +4915112345678"));
        }
        return errors.list();
    }

    private static void nameProblem(String field, @Nullable String raw, ValidationErrors errors) {
        String name = blankToNull(raw);
        if (name != null) {
            PersonNames.problem(name, 1, PersonNames.MAX_NAME)
                    .ifPresent(problem -> errors.add(new FieldError(field, problem)));
        }
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return value.isEmpty() ? null : value;
    }
}
