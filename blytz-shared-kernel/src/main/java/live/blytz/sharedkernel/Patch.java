package live.blytz.sharedkernel;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field of a partial update (merge-patch semantics): either absent (the client did not send it: keep the
 * current value) or sent, with a value or with {@code null} (clear it, where the API says null clears). The one way
 * to tell "absent" from "null": request beans keep a {@code Patch} per field, {@link #absent()} until its setter
 * runs, and commands carry them to the domain.
 */
public sealed interface Patch<T> {

    static <T> Patch<T> absent() {
        @SuppressWarnings("unchecked")
        Patch<T> absent = (Patch<T>) Absent.INSTANCE;
        return absent;
    }

    static <T> Patch<T> of(@Nullable T value) {
        return new Sent<>(value);
    }

    boolean isSent();

    /** The sent value, or {@code current} when the field was absent. */
    @Nullable T orElse(@Nullable T current);

    /** The sent value mapped (a sent null stays null), or absent. */
    <R> Patch<R> map(Function<? super T, ? extends @Nullable R> mapper);

    /** Not sent: the current value stays. */
    enum Absent implements Patch<Object> {
        INSTANCE;

        @Override
        public boolean isSent() {
            return false;
        }

        @Override
        public @Nullable Object orElse(@Nullable Object current) {
            return current;
        }

        @Override
        public <R> Patch<R> map(Function<? super Object, ? extends @Nullable R> mapper) {
            return absent();
        }
    }

    /** Sent: the new value, {@code null} to clear. */
    record Sent<T>(@Nullable T value) implements Patch<T> {

        @Override
        public boolean isSent() {
            return true;
        }

        @Override
        public @Nullable T orElse(@Nullable T current) {
            return value;
        }

        @Override
        public <R> Patch<R> map(Function<? super T, ? extends @Nullable R> mapper) {
            return new Sent<>(value == null ? null : mapper.apply(value));
        }
    }
}
