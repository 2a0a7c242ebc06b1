package live.blytz.auth.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The auth module's wiring: its purges run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthConfiguration {
}
