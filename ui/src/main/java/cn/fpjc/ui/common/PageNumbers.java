package cn.fpjc.ui.common;

import cn.fpjc.core.platform.web.Page;
import java.util.ArrayList;
import java.util.List;

/** The page numbers a paged list links to: the first, the last and two either side of the current one, gaps as "…". */
public final class PageNumbers {
    private PageNumbers() {
    }

    /** One link: {@code page} from 0 for the URL, {@code number} from 1 for people; a gap has neither. */
    public record Link(int page, int number, boolean current, boolean gap) {
    }

    public static List<Link> of(Page<?> result) {
        List<Link> links = new ArrayList<>();
        int count = result.pages();
        int previous = -1;
        for (int p = 0; count > 1 && p < count; p++) {
            if (p != 0 && p != count - 1 && Math.abs(p - result.page()) > 2) {
                continue;
            }
            if (previous >= 0 && p - previous > 1) {
                links.add(new Link(-1, 0, false, true));
            }
            links.add(new Link(p, p + 1, p == result.page(), false));
            previous = p;
        }
        return links;
    }
}
