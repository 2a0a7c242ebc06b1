package live.blytz.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events over RabbitMQ (ADR 0032), only with {@code blytz.events.broker=rabbitmq}.
 *
 * <p>Out: every {@code @IntegrationEvent} this process publishes (not one it received from the broker) is
 * externalised by Spring Modulith from the event publication registry: after the publishing transaction committed,
 * as one more listener of the event, whose publication is complete only once the broker confirmed the message, so a
 * send that failed (broker down, connection lost, no confirm) is resubmitted like any failed listener
 * ({@code EventPublicationResubmission}, and at start-up). Modulith's own AMQP transport (spring-modulith-events-amqp,
 * not reachable from this project's registries) completes without waiting for a confirm; this one waits.
 *
 * <p>In: with {@code blytz.events.consume}, a listener container reads this consumer's queues
 * ({@link BrokerEventReceiver}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "blytz.events.broker", havingValue = "rabbitmq")
class EventBrokerConfiguration {

    /** All of Blytz's packages, whichever modules this process runs: a consumer reads events of modules it does not. */
    @Bean
    IntegrationEvents integrationEvents() {
        return IntegrationEvents.scan(List.of("live.blytz"));
    }

    /** Boot's RabbitTemplate and listener container factories use this converter. */
    @Bean
    EventMessageConverter eventMessageConverter(JsonMapper json, IntegrationEvents events) {
        return new EventMessageConverter(json, events);
    }

    @Bean
    EventBrokerTopology eventBrokerTopology(EventBrokerProperties properties) {
        return new EventBrokerTopology(properties);
    }

    /** Declared by Boot's RabbitAdmin whenever a connection opens (again). */
    @Bean
    Declarables eventBrokerDeclarables(EventBrokerTopology topology) {
        return new Declarables(topology.declarables());
    }

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(EventBrokerTopology topology) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> IntegrationEvents.isIntegrationEvent(event) && !InboundEvents.isInbound())
                .routeAll(event -> RoutingTarget.forTarget(topology.exchange())
                        .andKey(IntegrationEvents.annotation(event.getClass()).name()))
                .build();
    }

    /** Needs {@code spring.rabbitmq.publisher-confirm-type=simple} (application.yaml). */
    @Bean
    DelegatingEventExternalizer brokerEventExternalizer(EventExternalizationConfiguration configuration,
            RabbitTemplate template, EventBrokerProperties properties) {
        return new DelegatingEventExternalizer(configuration, (target, event) -> {
            template.invoke(operations -> {
                operations.convertAndSend(target.getTarget(), target.getKey(), event);
                operations.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
                return null;
            });
            return CompletableFuture.completedFuture(null);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${blytz.events.consume:}'.isBlank()")
    static class Consumer {

        @Bean
        BrokerEventReceiver brokerEventReceiver(EventMessageConverter converter, EventBrokerProperties properties,
                ApplicationEventPublisher publisher, PlatformTransactionManager transactions, MeterRegistry meters) {
            return new BrokerEventReceiver(converter, properties.consume(), publisher,
                    new TransactionTemplate(transactions), meters);
        }

        /** Stopping it (as a test does) leaves the events in the durable queues until it starts again. */
        @Bean
        SimpleMessageListenerContainer brokerEventContainer(SimpleRabbitListenerContainerFactory factory,
                EventBrokerTopology topology, BrokerEventReceiver receiver) {
            SimpleMessageListenerContainer container = factory.createListenerContainer();
            container.setQueueNames(topology.consumedQueues().toArray(String[]::new));
            container.setMessageListener(receiver);
            return container;
        }
    }
}
