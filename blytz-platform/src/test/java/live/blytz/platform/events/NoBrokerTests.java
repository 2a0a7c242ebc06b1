package live.blytz.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Without {@code blytz.events.broker} (the embedded default, and every test context that does not ask for one) the
 * process has nothing of RabbitMQ: no connection, no externaliser, no consumer, no health contributor that would
 * report a broker it does not use as down; even when {@code SPRING_RABBITMQ_*} happen to be set, as in CI.
 */
@BlytzIntegrationTest
class NoBrokerTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    RestTestClient http;

    @Test
    void withoutABrokerNoRabbitMqPartIsCreated() {
        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RabbitTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DelegatingEventExternalizer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EventBrokerTopology.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BrokerEventReceiver.class)).isEmpty();
    }

    @Test
    void healthKnowsNoBroker() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db").exists()
                .jsonPath("$.components.rabbit").doesNotExist();
    }
}
