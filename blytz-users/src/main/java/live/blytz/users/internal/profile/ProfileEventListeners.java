package live.blytz.users.internal.profile;

import live.blytz.auth.events.UserRegistered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Creates the profile of a newly registered account, after auth's commit and in its own transaction; repeated
 * delivery changes nothing ({@link ProfileProvisioningService}).
 */
@Component
class ProfileEventListeners {

    private final ProfileProvisioningService provisioning;

    ProfileEventListeners(ProfileProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        provisioning.register(event);
    }
}
