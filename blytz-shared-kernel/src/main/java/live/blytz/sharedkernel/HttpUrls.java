package live.blytz.sharedkernel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a URL a client gives us (an image, an avatar, a video) may be: absolute {@code http} or {@code https}, with
 * a host and no user-info, at most {@link #MAX_LENGTH} characters. {@link #normalise} lower-cases the scheme so that
 * one spelling reaches the database.
 */
public final class HttpUrls {

    public static final int MAX_LENGTH = 2048;
    public static final String PROBLEM = "must be an absolute http or https URL with a host and no credentials, "
            + "of at most " + MAX_LENGTH + " characters";

    private HttpUrls() {
    }

    public static Optional<String> problem(String url) {
        if (url.codePointCount(0, url.length()) > MAX_LENGTH) {
            return Optional.of(PROBLEM);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.empty() : Optional.of(PROBLEM);
        } catch (URISyntaxException e) {
            return Optional.of(PROBLEM);
        }
    }

    /** A valid URL with its scheme in lower case. */
    public static String normalise(String url) {
        int colon = url.indexOf(':');
        return url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    }
}
