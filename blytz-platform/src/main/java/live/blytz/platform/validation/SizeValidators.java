package live.blytz.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code @Size} validators of {@link CodePointSizes}; {@code null} is valid, as the specification says. */
final class SizeValidators {

    private SizeValidators() {
    }

    abstract static class Bounded<T> implements ConstraintValidator<Size, T> {

        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(@Nullable T value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int size = sizeOf(value);
            return size >= min && size <= max;
        }

        abstract int sizeOf(T value);
    }

    static final class OfText extends Bounded<CharSequence> {
        @Override
        int sizeOf(CharSequence text) {
            return Character.codePointCount(text, 0, text.length());
        }
    }

    static final class OfCollection extends Bounded<Collection<?>> {
        @Override
        int sizeOf(Collection<?> collection) {
            return collection.size();
        }
    }

    static final class OfMap extends Bounded<Map<?, ?>> {
        @Override
        int sizeOf(Map<?, ?> map) {
            return map.size();
        }
    }

    static final class OfArray extends Bounded<Object[]> {
        @Override
        int sizeOf(Object[] array) {
            return array.length;
        }
    }
}
