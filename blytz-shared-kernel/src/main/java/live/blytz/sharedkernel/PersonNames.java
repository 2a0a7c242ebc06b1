package live.blytz.sharedkernel;

import java.util.Optional;
import live.blytz.sharedkernel.text.TextRule;

/**
 * What a person's name (first, last or display name) may be: plain single-line text, no angle brackets, within
 * its length in code points. Shared, so that auth accepts at registration exactly what users stores.
 */
public final class PersonNames {

    /** The longest first or last name. */
    public static final int MAX_NAME = 50;

    private PersonNames() {
    }

    /** Why {@code name} (already stripped) is not a name of {@code min} to {@code max} characters, if it is not. */
    public static Optional<String> problem(String name, int min, int max) {
        int length = name.codePointCount(0, name.length());
        if (length < min || length > max) {
            return Optional.of(min <= 1 ? "must be at most " + max + " characters"
                    : "must be " + min + " to " + max + " characters");
        }
        if (!TextRule.SINGLE_LINE.accepts(name) || name.indexOf('<') >= 0 || name.indexOf('>') >= 0) {
            return Optional.of("must be plain text without control characters or angle brackets");
        }
        return Optional.empty();
    }
}
