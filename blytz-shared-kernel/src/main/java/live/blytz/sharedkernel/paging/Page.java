package live.blytz.sharedkernel.paging;

import java.util.List;
import java.util.function.Function;

/** One page of an offset-paginated list, with the total that lets a client draw page links. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.pageSize(), total);
    }

    public int totalPages() {
        return (int) ((total + pageSize - 1) / pageSize);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, pageSize, total);
    }
}
