package live.blytz.auth.internal.account;

import live.blytz.sharedkernel.Role;
import org.jspecify.annotations.Nullable;

/** What a person gives to register; {@code role} is buyer or seller (admins are made, not registered). */
record Registration(String email, String password, Role role, @Nullable String firstName,
        @Nullable String lastName, @Nullable String phone) {
}
