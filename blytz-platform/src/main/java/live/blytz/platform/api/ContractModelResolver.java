package live.blytz.platform.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Describes the API's records as they are on the wire, from the same declarations the code runs on:
 * <ul>
 * <li>property names in snake_case. springdoc introspects with swagger's own (Jackson 2) mapper, which knows
 * nothing of the global snake_case naming of Boot's (Jackson 3) mapper;</li>
 * <li>a record component declared {@code @Nullable} (JSpecify, a type-use annotation that Jackson 2 does not
 * see) may be {@code null}: its type gets {@code "null"}; every other component of a record is never null, so it
 * is {@code required}. The packages are {@code @NullMarked}, so the two cases are all there is.</li>
 * </ul>
 */
class ContractModelResolver extends ModelResolver {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    ContractModelResolver() {
        super(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        openapi31(true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = super.resolve(type, context, chain);
        Class<?> raw = type.getType() == null ? null : _mapper.constructType(type.getType()).getRawClass();
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        // A named model comes back as a reference; its properties are in the context's definitions.
        Schema model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            describeNullness(raw, model);
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeNullness(Class<?> record, Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema property = properties.get(name);
            if (property == null) {
                continue; // hidden (@JsonIgnore, @Schema(hidden = true))
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                properties.put(name, nullable(property));
            } else if (schema.getRequired() == null || !schema.getRequired().contains(name)) {
                schema.addRequiredItem(name);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().types(Set.of("null"))));
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (!types.isEmpty()) {
            types.add("null");
            property.setTypes(types);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = component.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : SNAKE_CASE.translate(component.getName());
    }
}
