package live.blytz.users.internal.profile;

/** The profile fields a person edits, named as the API spells them. */
enum ProfileField {
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    DISPLAY_NAME("display_name"),
    AVATAR_URL("avatar_url"),
    PHONE("phone"),
    BIO("bio");

    private final String jsonName;

    ProfileField(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }
}
