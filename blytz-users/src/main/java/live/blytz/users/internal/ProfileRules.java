package live.blytz.users.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.PhoneNumbers;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;

/**
 * What a valid profile field looks like, and its normal form. Text is NFC-normalised and trimmed; an empty
 * value clears the field. Every rule also holds for data that arrives in auth's events, so the database's
 * checks never see a value these rules would refuse.
 */
public final class ProfileRules {

    public static final int MAX_NAME = 50;
    public static final int MIN_DISPLAY_NAME = 2;
    public static final int MAX_DISPLAY_NAME = 40;
    public static final int MAX_AVATAR_URL = 2048;
    public static final int MAX_BIO = 500;

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
            case FIRST_NAME, LAST_NAME -> nameProblem(value, 1, MAX_NAME);
            case DISPLAY_NAME -> nameProblem(value, MIN_DISPLAY_NAME, MAX_DISPLAY_NAME);
            case AVATAR_URL -> avatarUrlProblem(value);
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
            // The scheme is case-insensitive; store it lower-cased so that one spelling reaches the database.
            case AVATAR_URL -> value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT)
                    + value.substring(value.indexOf(':'));
            default -> value;
        };
    }

    private static @Nullable String nameProblem(String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return "must be " + min + " to " + max + " characters";
        }
        if (!TextRule.SINGLE_LINE.accepts(value) || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            return "must be plain text without control characters or angle brackets";
        }
        return null;
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

    private static @Nullable String avatarUrlProblem(String value) {
        if (value.length() > MAX_AVATAR_URL) {
            return "must be at most " + MAX_AVATAR_URL + " characters";
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must be an http or https URL";
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                return "must be an absolute http or https URL with a host and no credentials";
            }
            return null;
        } catch (URISyntaxException e) {
            return "must be an http or https URL";
        }
    }
}
