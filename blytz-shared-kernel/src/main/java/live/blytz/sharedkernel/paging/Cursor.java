package live.blytz.sharedkernel.paging;

import java.util.Arrays;
import java.util.List;

/**
 * A keyset-pagination cursor: the sort key values of the last item a client saw. Clients get it as an opaque,
 * signed string from {@link CursorCodec} and pass it back unchanged.
 */
public record Cursor(List<String> values) {

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(Arrays.asList(values));
    }

    public String get(int index) {
        return values.get(index);
    }
}
