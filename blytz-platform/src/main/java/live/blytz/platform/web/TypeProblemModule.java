package live.blytz.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.impl.MethodProperty;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.ClassUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body to the end past values of the wrong JSON type, so that every failing field is named at once.
 * Jackson stops at the first value it refuses (strictly: {@code StrictJson}); here a value whose deserializer refused
 * it without reading further ({@code "7"} for an integer, {@code 5} for a string, an unknown code, a string for an
 * object) is recorded in the read's {@link BodyTypeProblems} under its JSON path and read as null (a primitive's
 * default), and reading goes on. Nothing else changes: malformed JSON, duplicate keys, unknown fields, refused text
 * and out-of-range numbers still end the read, and without a {@link BodyTypeProblems} (any read but a request
 * body's) every refusal does. A setter that refuses null ({@code NullMarkedNulls}) is not called with the stand-in.
 */
final class TypeProblemModule extends SimpleModule {

    TypeProblemModule() {
        super("blytz-type-problems");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                    ValueDeserializer<?> deserializer) {
                return new Recording(deserializer);
            }

            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
                return new Recording(deserializer);
            }

            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier bean,
                    BeanDeserializerBuilder builder) {
                List<SettableBeanProperty> setters = new ArrayList<>();
                builder.getProperties().forEachRemaining(property -> {
                    if (property instanceof MethodProperty) {
                        setters.add(property);
                    }
                });
                setters.forEach(property -> builder.addOrReplaceProperty(new StandInNullsSkipped(property), true));
                return builder;
            }
        });
    }

    private static final class Recording extends DelegatingDeserializer {

        Recording(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Recording(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!(context.getAttribute(BodyTypeProblems.class) instanceof BodyTypeProblems problems)) {
                return super.deserialize(parser, context);
            }
            TokenStreamLocation start = parser.currentTokenLocation();
            try {
                return super.deserialize(parser, context);
            } catch (MismatchedInputException e) {
                String path = pathOf(parser);
                if (!isTypeProblem(e) || path.isEmpty() || !start.equals(parser.currentTokenLocation())) {
                    throw e;
                }
                problems.add(path, JsonTypeMessages.of(e), start);
                parser.skipChildren();
                return handledType() != null && handledType().isPrimitive() ? ClassUtil.defaultValue(handledType())
                        : null;
            }
        }

        private static boolean isTypeProblem(MismatchedInputException e) {
            return !(e instanceof UnrecognizedPropertyException || e instanceof RefusedTextException
                    || e instanceof JsonNumberBounds.OutOfBoundsNumberException);
        }

        /** The JSON path of the current value ({@code shipping_info.max_days}, {@code tags[2]}); empty at the root. */
        private static String pathOf(JsonParser parser) {
            TokenStreamContext context = parser.streamReadContext();
            if (parser.hasToken(JsonToken.START_OBJECT) || parser.hasToken(JsonToken.START_ARRAY)) {
                context = context.getParent();
            }
            String path = "";
            for (; context != null && !context.inRoot(); context = context.getParent()) {
                String step = context.inArray() ? "[" + context.getCurrentIndex() + "]"
                        : String.valueOf(context.currentName());
                path = path.isEmpty() || path.startsWith("[") ? step + path : step + "." + path;
            }
            return path;
        }
    }

    private static final class StandInNullsSkipped extends SettableBeanProperty.Delegating {

        StandInNullsSkipped(SettableBeanProperty delegate) {
            super(delegate);
        }

        @Override
        protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
            return new StandInNullsSkipped(delegate);
        }

        @Override
        public void deserializeAndSet(JsonParser parser, DeserializationContext context, Object instance)
                throws JacksonException {
            TokenStreamLocation start = parser.currentTokenLocation();
            try {
                super.deserializeAndSet(parser, context, instance);
            } catch (InvalidNullException e) {
                rethrowUnlessStandIn(e, context, start);
            }
        }

        @Override
        public Object deserializeSetAndReturn(JsonParser parser, DeserializationContext context, Object instance)
                throws JacksonException {
            TokenStreamLocation start = parser.currentTokenLocation();
            try {
                return super.deserializeSetAndReturn(parser, context, instance);
            } catch (InvalidNullException e) {
                rethrowUnlessStandIn(e, context, start);
                return instance;
            }
        }

        private static void rethrowUnlessStandIn(InvalidNullException e, DeserializationContext context,
                TokenStreamLocation value) {
            if (!(context.getAttribute(BodyTypeProblems.class) instanceof BodyTypeProblems problems
                    && problems.replaced(value))) {
                throw e;
            }
        }
    }
}
