package live.blytz.platform.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Runs {@code @ApplicationModuleListener}s on Boot's task executor (ADR 0015): a module's reaction to another
 * module's event never adds to the latency of the request that published it. The event publication registry
 * keeps each publication until its listener completes, so nothing is lost if the process stops in between.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncEventsConfiguration {
}
