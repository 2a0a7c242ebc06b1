package live.blytz.sharedkernel.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import live.blytz.sharedkernel.error.ValidationException;

/**
 * An opaque keyset-pagination cursor: the sort key values of the last item a client saw. Clients pass it back
 * unchanged; its encoding (URL-safe Base64 of unit-separated values) is ours to change.
 */
public record Cursor(List<String> values) {

    private static final String SEPARATOR = "\u001f";
    private static final int MAX_ENCODED_LENGTH = 512;

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(Arrays.asList(values));
    }

    public String encode() {
        byte[] bytes = String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads a cursor a client sent back, expecting {@code arity} values; anything else is a 400. */
    public static Cursor decode(String encoded, int arity) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> values = List.of(decoded.split(SEPARATOR, -1));
            if (values.size() != arity) {
                throw invalid();
            }
            return new Cursor(values);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String get(int index) {
        return values.get(index);
    }

    private static ValidationException invalid() {
        return ValidationException.of("cursor", "is not a cursor this API issued");
    }
}
