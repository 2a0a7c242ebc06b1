package live.blytz.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands an event received from the broker to this process's own listeners ({@code @ApplicationModuleListener}s, the
 * same ones the event reaches in the monolith): it publishes the event in a transaction, so that the publication
 * registry records it for each listener before the message is acknowledged; the listeners then run after that commit,
 * idempotent and tolerant of order as they already are. A message that cannot be read as a known event at this
 * build's schema version is rejected to its dead-letter queue, counted ({@value #REJECTED}) and logged, and the
 * queue flows on. A failure to record it (the database down) is retried with back-off and then requeued: it is
 * never dropped.
 */
final class BrokerEventReceiver implements MessageListener {

    static final String REJECTED = "blytz.events.rejected";

    private static final Logger log = LoggerFactory.getLogger(BrokerEventReceiver.class);

    private final EventMessageConverter converter;
    private final List<String> modules;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(8).delay(Duration.ofMillis(100)).multiplier(2).maxDelay(Duration.ofSeconds(5)).build());

    BrokerEventReceiver(EventMessageConverter converter, List<String> modules, ApplicationEventPublisher publisher,
            TransactionTemplate transactions, MeterRegistry meters) {
        this.converter = converter;
        this.modules = modules;
        this.publisher = publisher;
        this.transactions = transactions;
        this.meters = meters;
    }

    @Override
    public void onMessage(Message message) {
        Object event = read(message);
        retry.invoke(() -> transactions.executeWithoutResult(
                status -> InboundEvents.publish(() -> publisher.publishEvent(event))));
    }

    private Object read(Message message) {
        String queue = String.valueOf(message.getMessageProperties().getConsumerQueue());
        String reason;
        try {
            Object event = converter.fromMessage(message);
            if (IntegrationEvents.isIntegrationEvent(event)
                    && modules.contains(IntegrationEvents.module(IntegrationEvents.annotation(event.getClass()).name()))) {
                return event;
            }
            reason = "not an event of " + modules;
        } catch (RuntimeException e) {
            reason = e.getMessage();
        }
        Counter.builder(REJECTED)
                .description("Messages from the event broker rejected to their dead-letter queue")
                .tag("queue", queue)
                .register(meters)
                .increment();
        log.warn("Rejected message {} (type {}) from {} to its dead-letter queue: {}",
                message.getMessageProperties().getMessageId(), message.getMessageProperties().getType(), queue, reason);
        throw new AmqpRejectAndDontRequeueException("Rejected to the dead-letter queue: " + reason);
    }
}
