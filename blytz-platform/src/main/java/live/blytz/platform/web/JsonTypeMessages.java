package live.blytz.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.Codes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What a client is told about a body value of the wrong JSON type, in the API's words (never Jackson's). */
final class JsonTypeMessages {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.{1,200})\"");

    private JsonTypeMessages() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static String of(MismatchedInputException e) {
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Codes.all((Class) type);
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be an integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an RFC 3339 timestamp";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive() && !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /** The key a strict parser found twice in one object, or null when that is not the problem. */
    static @Nullable String duplicateKey(StreamReadException e) {
        Matcher matcher = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.matches() ? matcher.group(1) : null;
    }
}
