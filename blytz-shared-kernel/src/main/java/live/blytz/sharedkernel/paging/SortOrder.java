package live.blytz.sharedkernel.paging;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.error.ValidationException;

/**
 * A list's {@code sort} parameter: a key's code, {@code -} in front for descending ({@code price},
 * {@code -created_at}). The one parser of that grammar: each list names its keys as an enum, whose codes
 * ({@link Codes}) are what clients write.
 */
public record SortOrder<K extends Enum<K>>(K key, boolean descending) {

    /** The order {@code value} names; a 400 naming {@code sort} and every allowed value when it names none. */
    public static <K extends Enum<K>> SortOrder<K> parse(String value, Class<K> keys) {
        boolean descending = value.startsWith("-");
        Optional<K> key = Codes.find(keys, descending ? value.substring(1) : value);
        return key.map(k -> new SortOrder<>(k, descending))
                .orElseThrow(() -> ValidationException.of("sort", "must be one of " + allowed(keys)));
    }

    /** Every value {@code sort} accepts for these keys: {@code created_at, -created_at, ...}. */
    public static String allowed(Class<? extends Enum<?>> keys) {
        return Codes.all(keys).stream().flatMap(code -> Stream.of(code, "-" + code)).collect(Collectors.joining(", "));
    }
}
