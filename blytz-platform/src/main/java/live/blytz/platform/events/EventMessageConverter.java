package live.blytz.platform.events;

import java.lang.reflect.RecordComponent;
import java.util.Date;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.ClassMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConversionException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The wire format of integration events (docs/asyncapi.yaml): the event record as the API's JSON (snake_case, ISO
 * instants, user ids as plain UUID strings, roles as their codes), the event's name in the AMQP {@code type} property and its schema version
 * in the {@value #SCHEMA_VERSION} header. Reading resolves the type only among the known integration events and only
 * at the version this build knows; fields it does not know are ignored (a newer producer may add optional ones).
 */
final class EventMessageConverter extends JacksonJsonMessageConverter {

    static final String SCHEMA_VERSION = "schema-version";

    EventMessageConverter(JsonMapper json, IntegrationEvents events) {
        super(wire(json));
        setClassMapper(new ByName(events));
    }

    /**
     * An event as read, with every field its record does not mark {@code @Nullable}: a message without one is
     * refused here (and dead-lettered) rather than handed to listeners that would fail on it at every retry.
     */
    @Override
    public Object fromMessage(Message message) {
        Object event = super.fromMessage(message);
        if (event instanceof Record) {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class) && value(event, component) == null) {
                    throw new MessageConversionException(event.getClass().getSimpleName() + " without "
                            + component.getName());
                }
            }
        }
        return event;
    }

    private static @Nullable Object value(Object event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new MessageConversionException("cannot read " + component.getName() + " of "
                    + event.getClass().getSimpleName(), e);
        }
    }

    private static JsonMapper wire(JsonMapper json) {
        return json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("blytz-integration-events")
                        .addSerializer(UserId.class, new UserIdSerializer())
                        .addDeserializer(UserId.class, new UserIdDeserializer())
                        .addSerializer(Role.class, new RoleSerializer())
                        .addDeserializer(Role.class, new RoleDeserializer()))
                .build();
    }

    private record ByName(IntegrationEvents events) implements ClassMapper {

        @Override
        public void fromClass(Class<?> type, MessageProperties properties) {
            IntegrationEvent event = IntegrationEvents.annotation(type);
            properties.setType(event.name());
            properties.setHeader(SCHEMA_VERSION, event.version());
            properties.setTimestamp(new Date());
        }

        @Override
        public Class<?> toClass(MessageProperties properties) {
            Class<?> type = events.type(properties.getType())
                    .orElseThrow(() -> new MessageConversionException("unknown event type " + properties.getType()));
            int version = IntegrationEvents.annotation(type).version();
            Object sent = properties.getHeader(SCHEMA_VERSION);
            if (!(sent instanceof Number number) || number.longValue() != version) {
                throw new MessageConversionException("schema version " + sent + " of " + properties.getType()
                        + " is not the one this build reads (" + version + ")");
            }
            return type;
        }
    }

    private static final class UserIdSerializer extends StdSerializer<UserId> {

        UserIdSerializer() {
            super(UserId.class);
        }

        @Override
        public void serialize(UserId value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toString());
        }
    }

    private static final class UserIdDeserializer extends StdDeserializer<UserId> {

        UserIdDeserializer() {
            super(UserId.class);
        }

        @Override
        public UserId deserialize(JsonParser parser, DeserializationContext context) {
            return UserId.of(parser.getValueAsString());
        }
    }

    private static final class RoleSerializer extends StdSerializer<Role> {

        RoleSerializer() {
            super(Role.class);
        }

        @Override
        public void serialize(Role value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.code());
        }
    }

    private static final class RoleDeserializer extends StdDeserializer<Role> {

        RoleDeserializer() {
            super(Role.class);
        }

        @Override
        public Role deserialize(JsonParser parser, DeserializationContext context) {
            return Role.fromCode(parser.getValueAsString());
        }
    }
}
