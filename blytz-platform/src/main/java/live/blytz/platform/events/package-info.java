/**
 * Events over RabbitMQ (ADR 0032): with {@code blytz.events.broker=rabbitmq}, every {@code @IntegrationEvent} this
 * process publishes leaves the JVM through Spring Modulith's event externalisation, and with
 * {@code blytz.events.consume} the events of the modules named there come in from the broker to this process's
 * listeners. Without a broker nothing here exists and events stay in-process.
 */
@NullMarked
package live.blytz.platform.events;

import org.jspecify.annotations.NullMarked;
