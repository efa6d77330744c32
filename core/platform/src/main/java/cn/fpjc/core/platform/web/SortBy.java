package cn.fpjc.core.platform.web;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import java.util.List;
import java.util.Map;

/**
 * A list's order as a URL asks for it ({@code sort=<column>&dir=asc|desc}): one of the columns the list's service allows
 * (each an indexed or cheap column of its own table), or the service's default when none is asked. An unknown column
 * or direction is refused (400, {@code sort}/{@code dir}), never silently replaced.
 */
public record SortBy(String column, boolean descending) {
    /**
     * The order asked for among {@code allowed} (column → its Chinese heading, for the refusal), or {@code fallback}
     * when {@code sort} is blank; {@code dir} blank is ascending.
     */
    public static SortBy parse(String sort, String dir, Map<String, String> allowed, SortBy fallback) {
        String d = dir == null ? "" : dir.strip();
        if (!d.isEmpty() && !d.equals("asc") && !d.equals("desc")) {
            String m = "排序方向只能是 asc（升序）或 desc（降序）";
            throw new ApiException(PlatformError.VALIDATION_FAILED, m, List.of(new FieldError("dir", m)));
        }
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        String column = sort.strip();
        if (!allowed.containsKey(column)) {
            String m = "此列表只能按" + String.join("、", allowed.values()) + "排序";
            throw new ApiException(PlatformError.VALIDATION_FAILED, m, List.of(new FieldError("sort", m)));
        }
        return new SortBy(column, d.equals("desc"));
    }

    /** A list's columns in the order given: column, heading, column, heading… (the headings name them in a refusal). */
    public static Map<String, String> columns(String... columnThenHeading) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < columnThenHeading.length; i += 2) {
            m.put(columnThenHeading[i], columnThenHeading[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code asc} or {@code desc}, for HQL and for links. */
    public String dir() {
        return descending ? "desc" : "asc";
    }
}
