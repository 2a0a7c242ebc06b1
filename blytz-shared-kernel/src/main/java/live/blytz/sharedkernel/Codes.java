package live.blytz.sharedkernel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the API spells the constants of an enum, in bodies, query parameters and the database alike: the constant's
 * name in lower case ({@code LIKE_NEW} is {@code like_new}), matched exactly. {@code LIKE_NEW}, {@code Like_New} or
 * {@code " like_new"} are not codes, so a client's mistake shows up as a 400 instead of being guessed at.
 */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose code is exactly {@code code}. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(code)).findFirst();
    }

    /** Like {@link #find}, for codes that must be valid (e.g. read back from the database). */
    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalArgumentException(
                "Not a code of " + type.getSimpleName() + ": " + code));
    }

    /** Every code of the enum, in declaration order (for messages such as "must be one of [new, good]"). */
    public static List<String> all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::of).toList();
    }
}
