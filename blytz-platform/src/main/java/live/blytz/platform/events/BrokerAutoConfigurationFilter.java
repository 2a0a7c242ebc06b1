package live.blytz.platform.events;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Boot's RabbitMQ auto-configuration (connection factory, template, health contributor, metrics) out of a
 * process without a broker: the embedded default must neither connect to nor report on a RabbitMQ it does not use.
 */
public class BrokerAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String RABBIT = "org.springframework.boot.amqp.";

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
        boolean broker = environment != null
                && "rabbitmq".equalsIgnoreCase(environment.getProperty("blytz.events.broker", "none").strip());
        boolean[] matches = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            matches[i] = broker || candidates[i] == null || !candidates[i].startsWith(RABBIT);
        }
        return matches;
    }
}
