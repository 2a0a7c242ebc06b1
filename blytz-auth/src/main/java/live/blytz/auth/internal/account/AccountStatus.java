package live.blytz.auth.internal.account;

/** Whether an account may log in; stored as its code ({@link live.blytz.sharedkernel.Codes}). */
public enum AccountStatus {
    ACTIVE, SUSPENDED
}
