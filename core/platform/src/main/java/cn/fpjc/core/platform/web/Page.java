package cn.fpjc.core.platform.web;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, for the API and the pages alike: the items, the total number of matches, {@code page} from 0 and
 * its {@code size}; page arithmetic for the templates ({@code number} is shown to people, from 1).
 */
public record Page<T>(List<T> items, long total, int page, int size) {
    /** An empty first page (nothing matched, or the search was refused). */
    public static <T> Page<T> empty(int size) {
        return new Page<>(List.of(), 0, 0, size);
    }

    /**
     * One page of a query: {@code page} below 0 is the first, {@code size} is kept within 1..{@code maxSize}
     * ({@link Integer#MAX_VALUE}: everything at once), see {@link #window}. A first page that is not full already tells
     * the total, so the COUNT query is left out then.
     */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, int maxSize, Function<List<E>, List<T>> view) {
        Window w = window(page, size, maxSize);
        List<E> rows = w.size() == Integer.MAX_VALUE ? query.list() : query.page(w.page(), w.size()).list();
        long total = w.page() == 0 && rows.size() < w.size() ? rows.size() : query.count();
        return new Page<>(view.apply(rows), total, w.page(), w.size());
    }

    /**
     * The page a caller asked for, made safe for any {@code page}/{@code size} a URL can carry: the size within
     * 1..{@code maxSize}, the page from 0, and no further than a row offset that still fits an int (Hibernate's
     * first-result is an int: {@code page=2147483647} would overflow into a negative offset and a 500). A page past the
     * end is simply empty. Every paged list, Panache or plain SQL, goes through here.
     */
    public static Window window(int page, int size, int maxSize) {
        int pageSize = Math.min(Math.max(size, 1), Math.max(maxSize, 1));
        if (pageSize == Integer.MAX_VALUE) {
            return new Window(0, pageSize);
        }
        int lastPage = (Integer.MAX_VALUE - pageSize) / pageSize;
        return new Window(Math.min(Math.max(page, 0), lastPage), pageSize);
    }

    /** A bounded page request: {@code page} from 0, {@code size} rows, starting at row {@link #offset()}. */
    public record Window(int page, int size) {
        public int offset() {
            return page * size;
        }
    }

    /** The API's answer: the items as the body, the total in the X-Total-Count header. */
    public Response toResponse() {
        return Response.ok(items).header("X-Total-Count", total).build();
    }

    public int number() {
        return page + 1;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }
}
