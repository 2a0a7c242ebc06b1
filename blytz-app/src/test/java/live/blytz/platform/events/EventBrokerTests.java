package live.blytz.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.TestAccounts;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Auth's events through the real broker to the listeners of users, catalog and auctions, the way a marketplace that
 * does not run auth receives them, and what the real world does to them: repeated and reordered delivery, a consumer
 * down while events pile up, a message no consumer can read, connections dropped as by a broker restart. The events
 * here are about accounts auth never saw, so the broker is their only way in.
 */
@ExtendWith(OutputCaptureExtension.class)
@EnabledIfEnvironmentVariable(named = "SPRING_RABBITMQ_HOST", matches = ".+",
        disabledReason = "no RabbitMQ configured (SPRING_RABBITMQ_HOST)")
// The broker restart first: every other test of the shared context then runs on the connections that came back.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventBrokerTests extends BrokerTestSupport {

    /** A subscriber's queue that nobody consumes in this context (blytz.events.subscribers.later=auth). */
    private static final String LATER = "blytz.events.later.auth";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimpleMessageListenerContainer brokerEventContainer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Declarables eventBrokerDeclarables;

    /** What the three modules' read models hold about an account. */
    record ReadModels(boolean profile, String usersStatus, boolean sellerSuspended, boolean auctionsSuspended,
            long sellerAccountVersion) {
    }

    @Test
    void anEventFromTheBrokerReachesTheListenersOfEveryModule() {
        UserId id = UserId.newId();

        send(registered(id, 1));

        await().untilAsserted(() -> assertThat(readModels(id)).isEqualTo(new ReadModels(true, "active", false, false, 1)));
        send(new AccountSuspended(id, 2, now()));
        await().untilAsserted(() -> assertThat(readModels(id))
                .isEqualTo(new ReadModels(true, "suspended", true, true, 2)));
    }

    @Test
    void anEventReceivedFromTheBrokerIsNotSentBackToItButOneOfThisProcessIs() {
        UserId id = UserId.newId();

        // Publication rows are written when the event is published; rolled back, nothing runs.
        List<String> inbound = transactions.execute(status -> {
            InboundEvents.publish(() -> events.publishEvent(registered(id, 1)));
            status.setRollbackOnly();
            return listenersOf(id);
        });
        List<String> own = transactions.execute(status -> {
            events.publishEvent(registered(id, 1));
            status.setRollbackOnly();
            return listenersOf(id);
        });

        assertThat(inbound).isNotEmpty().noneMatch(listener -> listener.contains("DelegatingEventExternalizer"));
        assertThat(own).hasSize(inbound.size() + 1).anyMatch(listener -> listener.contains("DelegatingEventExternalizer"));
    }

    @Test
    void anEventOfATransactionThatRolledBackNeverReachesTheBrokerOneThatCommittedDoes() {
        String capture = capture();
        UserId rolledBack = UserId.newId();
        UserId committed = UserId.newId();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(registered(rolledBack, 1));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> events.publishEvent(registered(committed, 1)));

        List<Message> received = receiveUntil(capture, messages -> messages.stream()
                .anyMatch(m -> body(m).contains(committed.toString())));
        // Had the rolled-back one been sent, it would have been sent first; wait a moment more all the same.
        for (Message late; (late = rabbit.receive(capture, 1_000)) != null; ) {
            received.add(late);
        }
        assertThat(received).noneMatch(m -> body(m).contains(rolledBack.toString()));
        assertThat(listenersOf(rolledBack)).isEmpty();
    }

    @Test
    void aRepeatedEventChangesNothingTwice() {
        UserId id = UserId.newId();
        send(registered(id, 1));
        send(registered(id, 1));
        send(new AccountSuspended(id, 2, now()));
        send(new AccountSuspended(id, 2, now()));
        send(new RoleChanged(id, 3, now(), Role.BUYER));

        await().untilAsserted(() -> assertThat(jdbc.sql("SELECT role FROM users.account_facts WHERE id = :id")
                .param("id", id.value()).query(String.class).optional()).contains("buyer"));
        assertThat(readModels(id)).isEqualTo(new ReadModels(true, "suspended", true, true, 2));
        assertThat(jdbc.sql("SELECT count(*) FROM users.profiles WHERE id = :id").param("id", id.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eventsOutOfOrderLeaveTheNewestStateInEveryReadModel() {
        UserId id = UserId.newId();

        // The newest first: reactivated (v3), then the suspension it undid (v2), then the registration (v1).
        send(new AccountReactivated(id, 3, now()));
        send(new AccountSuspended(id, 2, now()));
        send(registered(id, 1));

        await().untilAsserted(() -> assertThat(readModels(id).profile()).isTrue());
        await().untilAsserted(() -> assertThat(readModels(id))
                .isEqualTo(new ReadModels(true, "active", false, false, 3)));
    }

    @Test
    void aBacklogOfEventsSentWhileTheConsumerIsDownWaitsInItsQueueAndIsAllHandledWhenItIsBack() {
        List<UserId> ids = new ArrayList<>();
        brokerEventContainer.stop();
        try {
            for (int i = 0; i < BACKLOG; i++) {
                UserId id = UserId.newId();
                ids.add(id);
                send(registered(id, 1));
                send(new AccountSuspended(id, 2, now()));
            }
            await().untilAsserted(() -> assertThat(admin.getQueueInfo(topology.queue("auth")).getMessageCount())
                    .isGreaterThanOrEqualTo(2 * BACKLOG));
            assertThat(ids).allSatisfy(id -> assertThat(readModels(id).profile()).isFalse());
        } finally {
            brokerEventContainer.start();
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(readModels(id)).isEqualTo(new ReadModels(true, "suspended", true, true, 2))));
    }

    /**
     * How long a consumer may be down is bounded by nothing in the queues: they are durable, their messages
     * persistent, and no queue of a subscriber has a message TTL, a length bound or an expiry (only the unrouted
     * queue, which nobody consumes, is bounded). The broker agrees: it refuses a declaration of the same queue whose
     * arguments differ in any of these, and accepts the application's own.
     */
    @Test
    void noSubscribersQueueExpiresOrDropsMessagesSoAConsumerCanBeDownForAsLongAsItTakes() {
        String consumed = topology.queue("auth");
        List<Queue> queues = eventBrokerDeclarables.getDeclarablesByType(Queue.class).stream()
                .filter(queue -> !queue.getName().endsWith(".unrouted")).toList();
        assertThat(queues).extracting(Queue::getName).contains(consumed, LATER,
                EventBrokerTopology.deadLetterQueue(consumed), EventBrokerTopology.deadLetterQueue(LATER));

        for (Queue queue : queues) {
            assertThat(queue.isDurable()).as(queue.getName()).isTrue();
            assertThat(queue.isAutoDelete() || queue.isExclusive()).as(queue.getName()).isFalse();
            assertThat(queue.getArguments().keySet()).as(queue.getName())
                    .isSubsetOf("x-dead-letter-exchange", "x-dead-letter-routing-key");
            rabbit.execute(channel -> channel.queueDeclare(queue.getName(), true, false, false,
                    queue.getArguments()));
            for (String bound : List.of("x-message-ttl", "x-max-length", "x-expires")) {
                Map<String, Object> arguments = new HashMap<>(queue.getArguments());
                arguments.put(bound, 600_000);
                assertThatThrownBy(() -> rabbit.execute(channel -> channel.queueDeclare(queue.getName(), true, false,
                        false, arguments))).as(queue.getName() + " " + bound)
                        .rootCause().hasMessageContaining("PRECONDITION_FAILED").hasMessageContaining(bound);
            }
        }
    }

    /**
     * RabbitMQ itself stopped and started again ({@code rabbitmqctl stop_app} / {@code start_app}): only where the
     * tool is at hand and {@code BLYTZ_TEST_BROKER_RESTART=1} (CI sets it; on a shared broker it would cut every
     * other client too). What waited in a queue is still there, what auth committed meanwhile is sent once the
     * broker is back, and the consumer resumes by itself.
     */
    @Test
    @Order(1)
    void noEventIsLostWhenTheBrokerItselfRestartsAndTheConsumerResumesByItself() throws Exception {
        assumeTrue("1".equals(System.getenv("BLYTZ_TEST_BROKER_RESTART")), "BLYTZ_TEST_BROKER_RESTART is not 1");
        assumeTrue(Rabbitmqctl.available(), "no rabbitmqctl");
        admin.purgeQueue(LATER);
        UserId waiting = UserId.newId();
        send(registered(waiting, 1));
        await().untilAsserted(() -> assertThat(admin.getQueueInfo(LATER).getMessageCount()).isPositive());

        Rabbitmqctl.run("stop_app");
        TestAccounts.Account seller;
        try {
            // Auth commits while the broker is down: its publication to the broker stays incomplete.
            seller = new TestAccounts(http).register(Role.SELLER, "Barbara", "Liskov");
            await().untilAsserted(() -> assertThat(unsentPublications(seller.id())).isPositive());
        } finally {
            Rabbitmqctl.run("start_app");
            Rabbitmqctl.run("await_startup");
        }

        UserId after = UserId.newId();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> send(registered(after, 1)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModels(after).profile()).isTrue());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unsentPublications(seller.id())).isZero());
        List<Message> kept = receiveUntil(LATER, received -> received.stream()
                .anyMatch(m -> body(m).contains(seller.id().toString())));
        assertThat(kept).anyMatch(m -> body(m).contains(waiting.toString()));
        admin.purgeQueue(LATER);
    }

    @Test
    void aMessageNoConsumerCanReadGoesToTheDeadLetterQueueCountedAndLoggedAndTheOthersFlowOn(CapturedOutput output) {
        String dlq = EventBrokerTopology.deadLetterQueue(topology.queue("auth"));
        rabbit.execute(channel -> channel.queuePurge(dlq));
        double rejectedBefore = rejected();
        UserId before = UserId.newId();
        UserId after = UserId.newId();

        send(registered(before, 1));
        String poison = "poison-" + UUID.randomUUID();
        rabbit.send(topology.exchange(), "auth.user-registered", message(poison + "-json", "auth.user-registered", 1,
                "{\"user_id\": 42"));
        rabbit.send(topology.exchange(), "auth.user-registered", message(poison + "-version", "auth.user-registered", 2,
                "{}"));
        rabbit.send(topology.exchange(), "auth.user-vanished", message(poison + "-type", "auth.user-vanished", 1, "{}"));
        rabbit.send(topology.exchange(), "auth.user-registered", message(poison + "-fields", "auth.user-registered", 1,
                "{\"user_id\": \"not a uuid\"}"));
        // Well-formed, known type and version, but without the fields the event cannot be without.
        rabbit.send(topology.exchange(), "auth.user-registered", message(poison + "-missing", "auth.user-registered", 1,
                "{\"account_version\": 1}"));
        send(registered(after, 1));

        await().untilAsserted(() -> assertThat(readModels(after).profile()).isTrue());
        assertThat(readModels(before).profile()).isTrue();
        List<Message> dead = receiveUntil(dlq, received -> received.size() >= 5);
        assertThat(dead).extracting(m -> m.getMessageProperties().getMessageId())
                .containsExactlyInAnyOrder(poison + "-json", poison + "-version", poison + "-type", poison + "-fields",
                        poison + "-missing");
        assertThat(dead).filteredOn(m -> m.getMessageProperties().getMessageId().equals(poison + "-json"))
                .extracting(EventBrokerTests::body).containsExactly("{\"user_id\": 42");
        assertThat(rejected() - rejectedBefore).isEqualTo(5);
        await().untilAsserted(() -> assertThat(output.getAll())
                .contains("Rejected message " + poison + "-json (type auth.user-registered) from blytz.events.test.auth")
                .contains("Rejected message " + poison + "-version")
                .contains("Rejected message " + poison + "-type (type auth.user-vanished)")
                .contains("Rejected message " + poison + "-fields")
                .contains("Rejected message " + poison + "-missing"));
    }

    @Test
    void noEventIsLostWhenTheBrokerConnectionDropsAndComesBack() {
        String capture = capture();
        TestAccounts accounts = new TestAccounts(http);
        UserId inbound = UserId.newId();

        BROKER.stop();
        TestAccounts.Account seller;
        try {
            // Auth commits while the broker is unreachable: its publication to the broker stays incomplete.
            seller = accounts.register(Role.SELLER, "Grace", "Hopper");
            await().untilAsserted(() -> assertThat(unsentPublications(seller.id())).isPositive());
        } finally {
            BROKER.start();
        }
        // Consumer and publisher reconnect by themselves; the registry resubmits what the broker never took.
        send(registered(inbound, 1));
        List<Message> sent = receiveUntil(capture, received -> received.stream()
                .anyMatch(m -> m.getMessageProperties().getType().equals("auth.user-registered")
                        && body(m).contains(seller.id().toString())));
        assertThat(sent).isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModels(inbound).profile()).isTrue());
        await().untilAsserted(() -> assertThat(unsentPublications(seller.id())).isZero());
    }

    @Test
    void aKnownSubscribersQueueKeepsWhatWasSentBeforeThatSubscriberEverStarted() {
        // blytz.events.subscribers.later=auth: no process consumes "later", yet its queue was declared by the sender.
        String later = LATER;
        admin.purgeQueue(later);

        TestAccounts.Account seller = new TestAccounts(http).register(Role.SELLER, "Hedy", "Lamarr");

        List<Message> waiting = receiveUntil(later, received -> received.stream()
                .anyMatch(m -> m.getMessageProperties().getType().equals("auth.user-registered")
                        && body(m).contains(seller.id().toString())));
        assertThat(waiting).isNotEmpty();
        admin.purgeQueue(later);
    }

    /** Enough events that a consumer coming back has a real backlog to work through. */
    private static final int BACKLOG = 250;

    private static UserRegistered registered(UserId id, long version) {
        return new UserRegistered(id, version, now(), "user-" + id + "@blytz.test", Role.SELLER, "Ada", "Lovelace", null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Message message(String id, String type, int version, String json) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(id);
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(EventMessageConverter.SCHEMA_VERSION, version);
        return MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8)).andProperties(properties).build();
    }

    private static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private double rejected() {
        Counter counter = meters.find(BrokerEventReceiver.REJECTED).tag("queue", topology.queue("auth")).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> listenersOf(UserId id) {
        return jdbc.sql("SELECT listener_id FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + id + "%").query(String.class).list();
    }

    /** The account's events whose publication to the broker is not complete. */
    private long unsentPublications(UserId id) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                        AND listener_id LIKE '%DelegatingEventExternalizer%' AND serialized_event LIKE :id""")
                .param("id", "%" + id + "%").query(Long.class).single();
    }

    private ReadModels readModels(UserId id) {
        boolean profile = jdbc.sql("SELECT count(*) FROM users.profiles WHERE id = :id").param("id", id.value())
                .query(Long.class).single() > 0;
        String status = jdbc.sql("SELECT status FROM users.account_facts WHERE id = :id").param("id", id.value())
                .query(String.class).optional().orElse("");
        var seller = jdbc.sql("SELECT suspended, account_version FROM catalog.sellers WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Object[] {rs.getBoolean(1), rs.getLong(2)}).optional();
        boolean auctions = jdbc.sql("SELECT suspended FROM auctions.accounts WHERE id = :id").param("id", id.value())
                .query(Boolean.class).optional().orElse(false);
        return new ReadModels(profile, status, seller.map(s -> (Boolean) s[0]).orElse(false), auctions,
                seller.map(s -> (Long) s[1]).orElse(0L));
    }
}
