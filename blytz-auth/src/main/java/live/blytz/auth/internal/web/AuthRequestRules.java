package live.blytz.auth.internal.web;

import live.blytz.auth.internal.AccountService;
import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Auth's domain rules for request bodies, reported together with the bodies' Bean Validation errors. */
@Configuration(proxyBeanMethods = false)
class AuthRequestRules {

    @Bean
    RequestRules<AuthRequests.Register> registrationRules(AccountService accounts) {
        return body -> accounts.registrationProblems(body.email(), body.password(), body.firstName(), body.lastName(),
                body.phone());
    }
}
