package live.blytz.platform.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * No silent coercion of JSON input, for every body the application reads: a value is taken only in the JSON type
 * the API documents. {@code "7"} or {@code 7.0} is not an integer, {@code 1} is not a boolean or an enum code,
 * {@code 5} or {@code true} is not a string, {@code ""} is not "absent", {@code "DRAFT"} or {@code " draft"} is not {@code draft} ({@link ExactEnumCodes}); a key
 * given twice, or anything after the document, makes the body malformed. Each is a 400 naming the field (see the
 * problem details advice). Nulls are {@link NullMarkedNulls}' rule. Everything the application writes itself reads
 * back unchanged under these rules (events, caches).
 * <p>
 * Kept apart from other customizers (e.g. of how strings are read), which the builder applies one after another.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(EnumFeature.READ_ENUMS_USING_TO_STRING, EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Coercion is what Jackson does when the JSON shape is not the target's own (a string for a number,
                // a number for a string, "" for a missing value, ...): never.
                .withCoercionConfigDefaults(config -> {
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                    config.setAcceptBlankAsEmpty(false);
                })
                // JSON has one number type: 10 is as good a decimal as 10.00 (the reverse, 1.0 for an integer, fails).
                .withCoercionConfig(LogicalType.Float,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .addModule(new SimpleModule("blytz-exact-enum-codes").setDeserializerModifier(new ExactEnumCodes()))
                .annotationIntrospector(AnnotationIntrospector.pair(builder.annotationIntrospector(),
                        new NullMarkedNulls()));
    }
}
