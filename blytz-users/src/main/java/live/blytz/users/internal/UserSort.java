package live.blytz.users.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.error.ValidationException;

/** How the admin list is ordered: a key and a direction, written {@code created_at} or {@code -created_at}. */
public record UserSort(Key key, boolean descending) {

    public static final UserSort DEFAULT = new UserSort(Key.CREATED_AT, true);

    /** The sortable keys and the column each orders by. */
    public enum Key {
        CREATED_AT("created_at", "p.created_at"),
        EMAIL("email", "a.email"),
        LAST_NAME("last_name", "p.last_name"),
        LAST_LOGIN_AT("last_login_at", "a.last_login_at");

        private final String code;
        private final String column;

        Key(String code, String column) {
            this.code = code;
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    public static UserSort parse(String value) {
        boolean descending = value.startsWith("-");
        String code = descending ? value.substring(1) : value;
        return Arrays.stream(Key.values())
                .filter(key -> key.code.equals(code))
                .findFirst()
                .map(key -> new UserSort(key, descending))
                .orElseThrow(() -> ValidationException.of("sort", "must be one of " + allowed()));
    }

    public static String allowed() {
        return Arrays.stream(Key.values()).map(key -> key.code + ", -" + key.code).collect(Collectors.joining(", "));
    }
}
