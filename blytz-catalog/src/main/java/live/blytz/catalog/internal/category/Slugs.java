package live.blytz.catalog.internal.category;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** URL-safe identifiers for categories: lower-case ASCII letters and digits separated by single hyphens. */
final class Slugs {

    static final int MAX_LENGTH = 100;
    static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** "Crème Brûlée & Co." → "creme-brulee-co"; empty when the name has no latin letters or digits at all. */
    static String fromName(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe")
                .toLowerCase(Locale.ROOT);
        String slug = NON_ALPHANUMERIC.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH - 4) { // room for a "-999" suffix
            slug = slug.substring(0, MAX_LENGTH - 4).replaceAll("-+$", "");
        }
        return slug;
    }

    static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches() && !looksLikeId(slug);
    }

    /** A slug that parses as a UUID would shadow the id form of {@code GET /categories/{id-or-slug}}. */
    static boolean looksLikeId(String slug) {
        try {
            UUID.fromString(slug);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
