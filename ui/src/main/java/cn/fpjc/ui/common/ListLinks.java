package cn.fpjc.ui.common;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.web.SortBy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The links of a paged list, for the shared tags: {@code {#pager list=… /}} (page numbers, 上一页/下一页 and a
 * 跳至第 [n] 页 GET form) and {@code {#sortth list=… column='…' label='…' /}} (a column heading that sorts the list,
 * marked with {@code aria-sort}). Every link keeps the list's filters and its order; a new order starts at the first page.
 *
 * @param path the list's address, e.g. {@code /households}
 * @param filters the filters as given (name → value, in the order they appear in links; blank values are left out)
 * @param sort the order shown; {@code fallback}, the list's default order, is left out of the links
 * @param at the page shown (its number, size and the total; page arithmetic as {@code at.pages}, {@code at.hasNext}…)
 */
public record ListLinks(String path, Map<String, String> filters, SortBy sort, SortBy fallback, Page<?> at) {
    /** A hidden input of the jump-to form. */
    public record Param(String name, String value) {
    }

    /** The links of one page of a list (no sorting). */
    public static ListLinks of(String path, Map<String, String> filters, Page<?> p) {
        return new ListLinks(path, filters, null, null, p);
    }

    /** The links of one page of a sortable list. */
    public static ListLinks of(String path, Map<String, String> filters, SortBy sort, SortBy fallback, Page<?> p) {
        return new ListLinks(path, filters, sort, fallback, p);
    }

    /**
     * The page asked for, from 0: the jump-to form's {@code jump} (a page number as people count, from 1) wins over the
     * links' {@code page}; a jump that is not a whole number is refused (400), one below 1 is the first page.
     */
    public static int requested(int page, String jump) {
        if (jump == null || jump.isBlank()) {
            return Math.max(page, 0);
        }
        try {
            return Math.max(Integer.parseInt(jump.strip()), 1) - 1;
        } catch (NumberFormatException e) {
            String m = "跳转的页码应为整数，如 3";
            throw new ApiException(PlatformError.VALIDATION_FAILED, m, List.of(new FieldError("jump", m)));
        }
    }

    /** The filters and the order as a query string (no page): for the page links and an export of the same list. */
    public String query() {
        StringBuilder q = new StringBuilder();
        for (Param p : hidden()) {
            q.append(q.isEmpty() ? "" : "&").append(p.name()).append('=').append(URLEncoder.encode(p.value(), StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** The filters and the order, as the jump-to form sends them again. */
    public List<Param> hidden() {
        List<Param> params = new ArrayList<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                params.add(new Param(name, value));
            }
        });
        if (sort != null && !sort.equals(fallback)) {
            params.add(new Param("sort", sort.column()));
            params.add(new Param("dir", sort.dir()));
        }
        return params;
    }

    public String pageHref(int target) {
        String q = query();
        return path + "?" + q + (q.isEmpty() ? "" : "&") + "page=" + target;
    }

    /** A heading's link: the list by this column, ascending, or the other way round when it is already so. */
    public String sortHref(String column) {
        boolean descending = sort != null && sort.column().equals(column) && !sort.descending();
        return path + "?" + new ListLinks(path, filters, new SortBy(column, descending), null, at).query();
    }

    /** {@code ascending}, {@code descending} or {@code none}: the heading's {@code aria-sort}. */
    public String ariaSort(String column) {
        return sort == null || !sort.column().equals(column) ? "none" : sort.descending() ? "descending" : "ascending";
    }

    /** The mark after a sorted heading: ▲ ascending, ▼ descending, nothing otherwise. */
    public String arrow(String column) {
        return switch (ariaSort(column)) {
            case "ascending" -> "▲";
            case "descending" -> "▼";
            default -> "";
        };
    }

    /** Page numbers: the first, the last, and two either side of the shown one, with gaps between ({@link PageNumbers}). */
    public List<PageNumbers.Link> links() {
        return PageNumbers.of(at);
    }
}
