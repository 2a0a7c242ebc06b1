package live.blytz.platform.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.Codes;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;

/**
 * The one rule for typed query parameters and path variables: a value is taken only as the API spells it, like its
 * JSON counterpart. Spring's default conversions are lenient and replaced here: they trim spaces, read {@code 0x10}
 * or {@code 010} (octal) as integers, {@code yes}/{@code on}/{@code 1} as {@code true}, an empty value as absent,
 * {@code 1-1-1-1-1} as a UUID, enum names in any case, and keep the first of a repeated parameter. Each of those is a
 * 400 naming the parameter ({@link QueryValueException} carries the message, {@link StrictParameters} applies it).
 */
final class StrictQueryConversion {

    private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StrictQueryConversion() {
    }

    static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, Integer.class, integer(Integer::valueOf));
        registry.addConverter(String.class, Long.class, integer(Long::valueOf));
        registry.addConverter(String.class, BigDecimal.class, text -> {
            require(DECIMAL.matcher(text).matches(), "must be a decimal number such as 12.50");
            return new BigDecimal(text);
        });
        registry.addConverter(String.class, Boolean.class, text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new QueryValueException("must be true or false");
        });
        registry.addConverter(String.class, UUID.class, text -> {
            require(UUID_TEXT.matcher(text).matches(), "must be a UUID such as 0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e");
            return UUID.fromString(text);
        });
        registry.addConverterFactory(new EnumCodes());
        if (!(registry instanceof ConversionService conversions)) {
            throw new IllegalStateException("The MVC formatter registry is expected to be a ConversionService");
        }
        registry.addConverter(new SingleValue(conversions));
    }

    private static <N extends Number> Converter<String, N> integer(Function<String, N> parse) {
        return text -> {
            require(INTEGER.matcher(text).matches(), "must be an integer");
            try {
                return parse.apply(text);
            } catch (NumberFormatException tooLarge) {
                throw new QueryValueException("must be an integer in range");
            }
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new QueryValueException(message);
        }
    }

    /** Enum parameters by their code ({@link Codes}), exactly. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class EnumCodes implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return code -> {
                Optional<?> constant = Codes.find((Class) targetType, code);
                if (constant.isEmpty()) {
                    throw new QueryValueException("must be one of " + Codes.all((Class) targetType));
                }
                return targetType.cast(constant.get());
            };
        }
    }

    /** A parameter that takes one value, given several times ({@code ?page=1&page=2}), is refused, not truncated. */
    private record SingleValue(ConversionService conversions) implements ConditionalGenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String[].class, Object.class),
                    new ConvertiblePair(String[].class, String.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return !targetType.isArray() && !targetType.isCollection() && !targetType.isMap();
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String[] values = (String[]) source;
            if (values == null || values.length == 0) {
                return null;
            }
            require(values.length == 1, "must be given once");
            return conversions.convert(values[0], TypeDescriptor.valueOf(String.class), targetType);
        }
    }
}
