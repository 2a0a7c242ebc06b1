package live.blytz.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import live.blytz.sharedkernel.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ValueNode;

/**
 * Bounds every number a JSON body carries before any code computes with it or stores it, so that a short literal
 * such as {@code 1E-20000000} or {@code 1E+999999999} is a quick 400 naming its field (ADR 0017):
 * <ul>
 * <li>a {@link BigDecimal} field (in Blytz always an amount of money) must pass {@link Money#outOfBounds};</li>
 * <li>a number inside a free-form object (a {@code JsonNode}) is read exactly, as a decimal, and must be 0 or
 *     between 1e-300 and 1e300 in magnitude: a double would silently turn 1e999999 into "Infinity" and
 *     1e-999999 into 0.</li>
 * </ul>
 * Integer fields overflow into Jackson's own coercion error, which {@link ProblemDetailsAdvice} names too. Jackson's
 * {@code StreamReadConstraints} stay at their defaults (numbers up to 1000 digits, nesting depth 500): the body
 * size limit bounds the rest.
 */
@Component
class JsonNumberBounds implements JsonMapperBuilderCustomizer {

    private static final int MAX_TREE_EXPONENT = 300;

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(new BoundedNodeFactory())
                .addModule(new SimpleModule("blytz-number-bounds").addDeserializer(BigDecimal.class, new MoneyAmounts()));
    }

    /** A client's number outside the bounds; {@code problem} is written for the client and never quotes the value. */
    static final class OutOfBoundsNumberException extends MismatchedInputException {

        private final String problem;

        OutOfBoundsNumberException(@Nullable JsonParser parser, String problem) {
            super(parser, "Number out of bounds: " + problem);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }

    private static final class MoneyAmounts extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public @Nullable BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal amount = super.deserialize(parser, context);
            if (amount != null) {
                Money.outOfBounds(amount).ifPresent(problem -> {
                    throw new OutOfBoundsNumberException(parser, problem);
                });
            }
            return amount;
        }
    }

    /** Every number of a tree passes here as the tree is read; the enclosing field names the error. */
    private static final class BoundedNodeFactory extends JsonNodeFactory {

        @Override
        public ValueNode numberNode(@Nullable BigDecimal value) {
            if (value != null) {
                check(value);
            }
            return super.numberNode(value);
        }

        @Override
        public ValueNode numberNode(@Nullable BigInteger value) {
            if (value != null) {
                check(new BigDecimal(value));
            }
            return super.numberNode(value);
        }

        private static void check(BigDecimal value) {
            long exponent = (long) value.precision() - value.scale() - 1;
            if (value.signum() != 0 && Math.abs(exponent) > MAX_TREE_EXPONENT) {
                throw new OutOfBoundsNumberException(null, "must hold only numbers that are 0 or between 1e-"
                        + MAX_TREE_EXPONENT + " and 1e" + MAX_TREE_EXPONENT + " in magnitude");
            }
        }
    }
}
