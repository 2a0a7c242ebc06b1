package live.blytz.sharedkernel.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One keyset-paginated slice; {@code nextCursor} is null on the last slice. */
public record Slice<T>(List<T> items, @Nullable String nextCursor) {

    public Slice {
        items = List.copyOf(items);
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
