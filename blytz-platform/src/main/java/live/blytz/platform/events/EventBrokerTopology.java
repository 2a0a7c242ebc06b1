package live.blytz.platform.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The exchanges and queues of the event broker, declared by every process that uses it (the same arguments
 * everywhere, or RabbitMQ refuses the second declaration):
 * <ul>
 * <li>{@code <exchange>}: a durable topic exchange; routing key = the event's name ({@code auth.user-registered});</li>
 * <li>{@code <exchange>.unrouted}: its alternate exchange and queue, which keep a message no queue was bound for
 * yet (e.g. sent before the first consumer ever started) instead of dropping it;</li>
 * <li>{@code <exchange>.dead-letter}: where consumers reject what they cannot handle; per consumed module a durable
 * queue {@code <exchange>.<consumer-name>.<module>} bound to {@code <module>.#}, and its dead-letter queue
 * {@code <queue>.dlq}.</li>
 * </ul>
 */
final class EventBrokerTopology {

    private final EventBrokerProperties properties;

    EventBrokerTopology(EventBrokerProperties properties) {
        this.properties = properties;
    }

    String exchange() {
        return properties.exchange();
    }

    String queue(String module) {
        return properties.exchange() + "." + properties.consumerName() + "." + module;
    }

    static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    List<String> consumedQueues() {
        return properties.consume().stream().map(this::queue).toList();
    }

    List<Declarable> declarables() {
        String unrouted = properties.exchange() + ".unrouted";
        TopicExchange events = ExchangeBuilder.topicExchange(properties.exchange()).durable(true)
                .alternate(unrouted).build();
        FanoutExchange unroutedExchange = ExchangeBuilder.fanoutExchange(unrouted).durable(true).build();
        Queue unroutedQueue = QueueBuilder.durable(unrouted).build();
        DirectExchange deadLetter = ExchangeBuilder.directExchange(properties.exchange() + ".dead-letter")
                .durable(true).build();
        List<Declarable> declarables = new ArrayList<>(List.of(events, unroutedExchange, unroutedQueue,
                BindingBuilder.bind(unroutedQueue).to(unroutedExchange), deadLetter));
        for (String module : properties.consume()) {
            String name = queue(module);
            Queue queue = QueueBuilder.durable(name)
                    .deadLetterExchange(deadLetter.getName())
                    .deadLetterRoutingKey(deadLetterQueue(name))
                    .build();
            Queue dlq = QueueBuilder.durable(deadLetterQueue(name)).build();
            Binding binding = BindingBuilder.bind(queue).to(events).with(module + ".#");
            declarables.addAll(List.of(queue, binding, dlq,
                    BindingBuilder.bind(dlq).to(deadLetter).with(deadLetterQueue(name))));
        }
        return declarables;
    }
}
