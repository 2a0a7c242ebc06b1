package live.blytz.sharedkernel;

/**
 * What a person may do on Blytz. Carried in the access token's {@code roles} claim, so every module can
 * authorize a caller without asking the auth module.
 */
public enum Role {
    BUYER, SELLER, ADMIN;

    /** The role as the API and tokens spell it: {@code buyer}, {@code seller}, {@code admin}. */
    public String code() {
        return Codes.of(this);
    }

    /** The Spring Security authority granted for this role, e.g. {@code ROLE_SELLER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role spelled exactly as {@link #code()} spells it; anything else is an {@link IllegalArgumentException}. */
    public static Role fromCode(String code) {
        return Codes.parse(Role.class, code);
    }
}
