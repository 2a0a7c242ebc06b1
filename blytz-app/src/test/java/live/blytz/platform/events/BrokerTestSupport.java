package live.blytz.platform.events;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import live.blytz.BlytzIntegrationTest;
import live.blytz.platform.resilience.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with the event broker on (ADR 0032), against the machine's RabbitMQ ({@code SPRING_RABBITMQ_HOST},
 * {@code _PORT}, {@code _VIRTUAL_HOST}; CI sets them, and without them these tests do not run: there is no embedded
 * RabbitMQ; JUnit does not inherit that condition, so each test class carries it). It reaches the broker through a
 * {@link TcpProxy}, so that a test can drop every connection and refuse new ones, as a broker restart does, without touching the shared server. It externalises auth's events and also consumes
 * them ({@code consume=auth}, queue {@code blytz.events.test.auth}), as a marketplace would: its listeners are
 * idempotent, so an event that reaches them both in-process and through the broker changes nothing twice. Every
 * subclass shares this one context.
 */
@BlytzIntegrationTest
@TestPropertySource(properties = {
        "blytz.events.broker=rabbitmq",
        "blytz.events.consume=auth",
        "blytz.events.consumer-name=test",
        // A subscriber that never starts here: its queue is declared by the sender (aKnownSubscribersQueue…).
        "blytz.events.subscribers.later=auth",
        // A send that failed is sent again within seconds, not a minute.
        "blytz.events.retry-after=1s",
        "blytz.events.resubmit-interval=500ms",
})
abstract class BrokerTestSupport {

    static final TcpProxy BROKER = new TcpProxy(System.getenv().getOrDefault("SPRING_RABBITMQ_HOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("SPRING_RABBITMQ_PORT", "5672")));

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", BROKER::port);
    }

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    EventBrokerTopology topology;

    private final List<String> queues = new ArrayList<>();

    @AfterEach
    void deleteCaptureQueues() {
        queues.forEach(admin::deleteQueue);
    }

    /** A queue of this test that receives a copy of every event the application sends from now on. */
    String capture() {
        String name = "blytz.events.test.capture-" + UUID.randomUUID();
        Queue queue = new Queue(name, true, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(topology.exchange())).with("auth.#"));
        queues.add(name);
        return name;
    }

    /** Sends an event as the application sends it (its converter, its exchange, its routing key). */
    void send(Object event) {
        rabbit.convertAndSend(topology.exchange(), IntegrationEvents.annotation(event.getClass()).name(), event);
    }

    /** The messages of a queue, until one satisfies the condition. */
    List<Message> receiveUntil(String queue, Predicate<List<Message>> done) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Message message = rabbit.receive(queue, 500);
            if (message != null) {
                received.add(message);
            }
            return done.test(received);
        });
        return received;
    }
}
