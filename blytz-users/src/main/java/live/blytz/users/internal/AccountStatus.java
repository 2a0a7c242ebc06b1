package live.blytz.users.internal;

import java.util.Locale;

/** Whether an account may be used, as the auth module last reported it. */
public enum AccountStatus {
    ACTIVE, SUSPENDED;

    /** The status as the API and the database spell it: {@code active}, {@code suspended}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
