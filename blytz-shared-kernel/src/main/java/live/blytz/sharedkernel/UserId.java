package live.blytz.sharedkernel;

import java.util.Objects;
import java.util.UUID;
import live.blytz.sharedkernel.error.ValidationException;

/** The id of a person's account: the JWT {@code sub}, shared by the auth, users and catalog modules. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId() {
        return new UserId(Ids.newId());
    }

    public static UserId of(String value) {
        try {
            return new UserId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
