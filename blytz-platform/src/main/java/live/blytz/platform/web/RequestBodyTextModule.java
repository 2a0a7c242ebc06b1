package live.blytz.platform.web;

import java.util.Map;
import java.util.Optional;
import live.blytz.sharedkernel.text.MultiLine;
import live.blytz.sharedkernel.text.TextRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * The {@link TextRule} for request bodies: every string a JSON body binds to (a field, a list element, an
 * {@code Optional}'s content) is {@link TextRule#SINGLE_LINE} unless its property is {@link MultiLine}; in a
 * free-form JSON object ({@link JsonNode}) keys are single-line and string values multi-line. A string that breaks
 * the rule fails the read with a {@link RefusedTextException}, which Jackson tags with the field's path.
 * <p>
 * Only the mapper that reads request bodies has this module ({@link ApiJsonConverter}): the application's own
 * {@code JsonMapper} also reads stored events and cached values, which were checked when they came in.
 */
final class RequestBodyTextModule extends SimpleModule {

    RequestBodyTextModule() {
        super("blytz-request-body-text");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                    ValueDeserializer<?> deserializer) {
                return bean.getBeanClass() == String.class
                        ? new CheckedTextDeserializer(deserializer, TextRule.SINGLE_LINE) : deserializer;
            }
        });
        // Trees are built by their own deserializers, which deserializer modifiers never see.
        setDeserializers(new SimpleDeserializers() {
            @Override
            public ValueDeserializer<?> findTreeNodeDeserializer(JavaType nodeType, DeserializationConfig config,
                    BeanDescription.Supplier bean) {
                return new CheckedTextDeserializer(JsonNodeDeserializer.getDeserializer(nodeType.getRawClass()),
                        TextRule.MULTI_LINE);
            }
        });
    }

    /** Lets the wrapped deserializer read the value (its coercion settings apply), then holds it to the rule. */
    private static final class CheckedTextDeserializer extends DelegatingDeserializer {

        private final TextRule rule;

        CheckedTextDeserializer(ValueDeserializer<?> delegate, TextRule rule) {
            super(delegate);
            this.rule = rule;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedTextDeserializer(delegate, rule);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(context, property);
            ValueDeserializer<?> delegate = contextual instanceof CheckedTextDeserializer checked
                    ? checked.getDelegatee() : contextual;
            boolean multiLine = rule == TextRule.MULTI_LINE
                    || property != null && property.getAnnotation(MultiLine.class) != null;
            return new CheckedTextDeserializer(delegate, multiLine ? TextRule.MULTI_LINE : TextRule.SINGLE_LINE);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return checked(super.deserialize(parser, context), parser);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) {
            return checked(super.deserialize(parser, context, intoValue), parser);
        }

        private Object checked(Object value, JsonParser parser) {
            Optional<String> violation = value instanceof String text ? rule.violation(text)
                    : value instanceof JsonNode tree ? violation(tree) : Optional.empty();
            if (violation.isPresent()) {
                throw new RefusedTextException(parser, violation.get());
            }
            return value;
        }

        private static Optional<String> violation(JsonNode tree) {
            if (tree.isString()) {
                return TextRule.MULTI_LINE.violation(tree.stringValue());
            }
            if (tree.isObject()) {
                for (Map.Entry<String, JsonNode> property : tree.properties()) {
                    Optional<String> violation = TextRule.SINGLE_LINE.violation(property.getKey())
                            .or(() -> violation(property.getValue()));
                    if (violation.isPresent()) {
                        return violation;
                    }
                }
                return Optional.empty();
            }
            for (JsonNode element : tree.values()) {
                Optional<String> violation = violation(element);
                if (violation.isPresent()) {
                    return violation;
                }
            }
            return Optional.empty();
        }
    }
}
