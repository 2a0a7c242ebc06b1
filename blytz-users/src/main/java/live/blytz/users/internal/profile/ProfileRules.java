package live.blytz.users.internal.profile;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.PersonNames;
import live.blytz.sharedkernel.PhoneNumbers;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;

/**
 * What a valid profile field looks like, and its normal form. Text is NFC-normalised and trimmed; an empty
 * value clears the field. Names, URLs and phone numbers follow the shared kernel's rules, which auth also applies
 * at registration, so the database's checks never see a value from auth's events that these rules would refuse;
 * the display name's length and the bio are the profile's own.
 */
final class ProfileRules {

    static final int MIN_DISPLAY_NAME = 2;
    static final int MAX_DISPLAY_NAME = 40;
    static final int MAX_BIO = 500;

    // Plain text: the shared TextRule (a bio may keep line breaks and tabs) and nothing that opens markup.
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!?]");

    private ProfileRules() {
    }

    /** The normal form of {@code raw}, or null when it clears the field; adds to {@code errors} if invalid. */
    static @Nullable String normalise(ProfileField field, @Nullable String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (value.isEmpty()) {
            return null;
        }
        String problem = switch (field) {
            case FIRST_NAME, LAST_NAME -> PersonNames.problem(value, 1, PersonNames.MAX_NAME).orElse(null);
            case DISPLAY_NAME -> PersonNames.problem(value, MIN_DISPLAY_NAME, MAX_DISPLAY_NAME).orElse(null);
            case AVATAR_URL -> HttpUrls.problem(value).orElse(null);
            case PHONE -> PhoneNumbers.toE164(value).isPresent() ? null
                    : "must be an international phone number (E.164), e.g. +4915112345678";
            case BIO -> bioProblem(value);
        };
        if (problem != null) {
            errors.add(new FieldError(field.jsonName(), problem));
            return null;
        }
        return switch (field) {
            case PHONE -> PhoneNumbers.toE164(value).orElseThrow();
            case AVATAR_URL -> HttpUrls.normalise(value);
            default -> value;
        };
    }

    private static @Nullable String bioProblem(String value) {
        if (value.codePointCount(0, value.length()) > MAX_BIO) {
            return "must be at most " + MAX_BIO + " characters";
        }
        if (!TextRule.MULTI_LINE.accepts(value) || MARKUP.matcher(value).find()) {
            return "must be plain text (no markup, no control characters)";
        }
        return null;
    }
}
