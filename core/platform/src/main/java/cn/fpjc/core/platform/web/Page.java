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
     * ({@link Integer#MAX_VALUE}: everything at once). A first page that is not full already tells the total, so the
     * COUNT query is left out then.
     */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, int maxSize, Function<List<E>, List<T>> view) {
        int pageSize = Math.min(Math.max(size, 1), maxSize);
        int pageNo = Math.max(page, 0);
        List<E> rows = pageSize == Integer.MAX_VALUE ? query.list() : query.page(pageNo, pageSize).list();
        long total = pageNo == 0 && rows.size() < pageSize ? rows.size() : query.count();
        return new Page<>(view.apply(rows), total, pageNo, pageSize);
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
