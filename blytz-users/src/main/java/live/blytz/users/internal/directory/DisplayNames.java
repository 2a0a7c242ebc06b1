package live.blytz.users.internal.directory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The name others see: the one the person chose, else first name and last initial ("Ada L."), else whichever
 * name part exists, else a neutral "User 1a2b3c" built from the random tail of the id (never from the e-mail,
 * which is private).
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    public static String of(UUID id, @Nullable String firstName, @Nullable String lastName, @Nullable String chosen) {
        if (chosen != null) {
            return chosen;
        }
        if (firstName != null && lastName != null) {
            return firstName + " " + lastName.substring(0, lastName.offsetByCodePoints(0, 1)) + ".";
        }
        if (firstName != null) {
            return firstName;
        }
        if (lastName != null) {
            return lastName;
        }
        String hex = id.toString().replace("-", "");
        return "User " + hex.substring(hex.length() - 6);
    }
}
