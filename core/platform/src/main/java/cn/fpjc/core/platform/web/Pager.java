package cn.fpjc.core.platform.web;

/** Page arithmetic for list pages: {@code page} from 0, shown to people from 1. */
public record Pager(int page, int size, long total) {
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
