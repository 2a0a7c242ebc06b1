package live.blytz.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * instead of dropping it, up to {@code unrouted-max} messages (the oldest dropped first: nobody reads this queue,
 * it is there to be inspected, and must not grow until the broker's disk alarm stops every publisher);</li>
 * <li>{@code <exchange>.dead-letter}: where consumers reject what they cannot handle; per consumed module a durable
 * queue {@code <exchange>.<consumer-name>.<module>} bound to {@code <module>.#}, and its dead-letter queue
 * {@code <queue>.dlq}: declared by the consumer, and by a producer that lists it in {@code subscribers}, so that an
 * event sent before the consumer's first start (an auth service's admin bootstrap) waits for it.</li>
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
        return queue(properties.consumerName(), module);
    }

    private String queue(String consumer, String module) {
        return properties.exchange() + "." + consumer + "." + module;
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
        Queue unroutedQueue = QueueBuilder.durable(unrouted).maxLength(properties.unroutedMax()).build();
        DirectExchange deadLetter = ExchangeBuilder.directExchange(properties.exchange() + ".dead-letter")
                .durable(true).build();
        List<Declarable> declarables = new ArrayList<>(List.of(events, unroutedExchange, unroutedQueue,
                BindingBuilder.bind(unroutedQueue).to(unroutedExchange), deadLetter));
        // Queue name → the module whose events it receives: this process's own queues and its known subscribers'.
        Map<String, String> queues = new LinkedHashMap<>();
        properties.consume().forEach(module -> queues.put(queue(module), module));
        properties.subscribers().forEach((consumer, modules) -> modules.forEach(module ->
                queues.put(queue(consumer, module), module)));
        queues.forEach((name, module) -> {
            Queue queue = QueueBuilder.durable(name)
                    .deadLetterExchange(deadLetter.getName())
                    .deadLetterRoutingKey(deadLetterQueue(name))
                    .build();
            Queue dlq = QueueBuilder.durable(deadLetterQueue(name)).build();
            Binding binding = BindingBuilder.bind(queue).to(events).with(module + ".#");
            declarables.addAll(List.of(queue, binding, dlq,
                    BindingBuilder.bind(dlq).to(deadLetter).with(deadLetterQueue(name))));
        });
        return declarables;
    }
}
