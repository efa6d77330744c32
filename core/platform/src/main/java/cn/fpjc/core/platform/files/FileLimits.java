package cn.fpjc.core.platform.files;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on uploaded tables ({@code fpjc.import.file.*}), checked while streaming so a hostile or broken file is refused
 * with its row number before it can fill the heap (README "农户信息导入", hostile files).
 */
@ConfigMapping(prefix = "fpjc.import.file")
public interface FileLimits {
    /** Characters in one cell; Excel's own limit is 32,767. */
    @WithDefault("32767")
    int maxCellChars();

    /** Cells in one row (the import template has about 50 columns). */
    @WithDefault("1000")
    int maxColumns();

    /** Characters in one row, all cells together. */
    @WithDefault("1000000")
    int maxRowChars();

    /** Uncompressed bytes of one part of an .xlsx (a worksheet's XML). */
    @WithDefault("536870912")
    long maxEntryBytes();

    /** Uncompressed bytes of an .xlsx's shared-string table, which the reader keeps in memory. */
    @WithDefault("67108864")
    long maxSharedStringsBytes();

    /** Uncompressed bytes of all parts of an .xlsx together. */
    @WithDefault("1073741824")
    long maxTotalBytes();

    /**
     * How many times larger than its compressed form a part may inflate (Apache POI's ZipSecureFile uses the same 100); a
     * part is measured once it passes 1 MB, as small parts of ordinary files inflate more.
     */
    @WithDefault("100")
    int maxRatio();

    /** Parts in one .xlsx. */
    @WithDefault("10000")
    int maxEntries();

    /** The defaults, for readers built outside the container (unit tests, tools). */
    static FileLimits defaults() {
        return of(32767, 1000, 1_000_000, 512L << 20, 64L << 20, 1L << 30, 100, 10_000);
    }

    static FileLimits of(int cellChars, int columns, int rowChars, long entryBytes, long sharedStringsBytes, long totalBytes, int ratio,
            int entries) {
        return new Values(cellChars, columns, rowChars, entryBytes, sharedStringsBytes, totalBytes, ratio, entries);
    }

    /** Limits given in code; the record's accessors are the interface's methods. */
    record Values(int maxCellChars, int maxColumns, int maxRowChars, long maxEntryBytes, long maxSharedStringsBytes, long maxTotalBytes,
            int maxRatio, int maxEntries) implements FileLimits {
    }
}
