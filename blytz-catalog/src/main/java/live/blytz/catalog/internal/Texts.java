package live.blytz.catalog.internal;

import java.util.List;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.error.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Checks on client text before it reaches PostgreSQL, whose {@code text} and {@code jsonb} cannot hold U+0000
 * (pgjdbc fails the whole statement, which would be a 500). Control characters are refused in every text field;
 * multi-line fields (descriptions) keep tab, line feed and carriage return.
 */
final class Texts {

    /** A JSON-escaped NUL (backslash-u0000 preceded by an even number of backslashes), which jsonb rejects. */
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000");

    private Texts() {
    }

    static boolean hasControlCharacters(String value, boolean multiline) {
        return value.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(multiline && (c == '\t' || c == '\n' || c == '\r')));
    }

    /** Adds an error for {@code field} when the single-line value holds a control character. */
    static void checkLine(String field, @Nullable String value, List<FieldError> errors) {
        if (value != null && hasControlCharacters(value, false)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    /** Like {@link #checkLine} but allows tab, line feed and carriage return. */
    static void checkMultiline(String field, @Nullable String value, List<FieldError> errors) {
        if (value != null && hasControlCharacters(value, true)) {
            errors.add(new FieldError(field, "must not contain control characters other than tab and line breaks"));
        }
    }

    /** Adds an error when the JSON text holds a NUL character in a key or a string value. */
    static void checkJson(String field, @Nullable String json, List<FieldError> errors) {
        if (json != null && (json.indexOf((char) 0) >= 0 || JSON_NUL.matcher(json).find())) {
            errors.add(new FieldError(field, "must not contain the NUL character (\\u0000)"));
        }
    }
}
