package live.blytz.auth.internal.account;

import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registration rules for the request body, reported together with its Bean Validation errors. */
@Configuration(proxyBeanMethods = false)
class RegistrationRequestRules {

    @Bean
    RequestRules<AccountRequests.Register> registrationRules(RegistrationService registrations) {
        return body -> registrations.problems(body.email(), body.password(), body.firstName(), body.lastName(),
                body.phone());
    }
}
