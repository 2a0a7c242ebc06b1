package live.blytz.users.internal.account;

import live.blytz.sharedkernel.Codes;

/** Whether an account may be used, as the auth module last reported it. */
public enum AccountStatus {
    ACTIVE, SUSPENDED;

    /** The status as the API and the database spell it: {@code active}, {@code suspended}. */
    public String code() {
        return Codes.of(this);
    }

    public static AccountStatus fromCode(String code) {
        return Codes.parse(AccountStatus.class, code);
    }
}
