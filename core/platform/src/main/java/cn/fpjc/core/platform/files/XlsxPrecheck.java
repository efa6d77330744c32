package cn.fpjc.core.platform.files;

import cn.fpjc.core.platform.files.TableReader.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Inflates every part of an .xlsx once, counting, before fastexcel-reader opens it: fastexcel has no limits of its own
 * and builds each cell's text whole, so one cell that inflates to gigabytes fills the heap. The declared sizes in the zip
 * directory are checked first, but they can lie, so the bytes that really come out are counted too (per part, in all,
 * and against the compressed size), and the XML parts are scanned byte by byte for a run of text too long to be one cell
 * and, in worksheets, for rows with too many cells or bytes. Memory stays one 64 KB buffer whatever the file holds.
 */
final class XlsxPrecheck {
    /** Parts below this size may inflate more than the ratio allows (ordinary small XML parts do). */
    static final long RATIO_FLOOR = 1L << 20;

    private XlsxPrecheck() {
    }

    static void check(Path file, FileLimits limits) throws IOException {
        long fileSize = Math.max(1, Files.size(file));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> names = new HashSet<>();
            long total = 0;
            int count = 0;
            byte[] buf = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (++count > limits.maxEntries()) {
                    throw bad("压缩包内的部件超过" + limits.maxEntries() + "个");
                }
                // two parts of one name: this check and fastexcel's own zip reader might not pick the same one
                if (!names.add(name)) {
                    throw bad("压缩包内有重名的部件（" + entry.getName() + "）");
                }
                boolean sharedStrings = name.endsWith("sharedstrings.xml");
                long max = sharedStrings ? limits.maxSharedStringsBytes() : limits.maxEntryBytes();
                long compressed = Math.min(entry.getCompressedSize() > 0 ? entry.getCompressedSize() : fileSize, fileSize);
                if (entry.getSize() > max) {
                    throw tooLarge(entry, max);
                }
                if (entry.getSize() > RATIO_FLOOR && entry.getSize() / compressed > limits.maxRatio()) {
                    throw ratio(entry, limits);
                }
                Scanner scanner = name.endsWith(".xml") || name.endsWith(".rels")
                        ? new Scanner(limits, name.startsWith("xl/worksheets/"))
                        : null;
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        inflated += n;
                        total += n;
                        if (inflated > max) {
                            throw tooLarge(entry, max);
                        }
                        if (total > limits.maxTotalBytes()) {
                            throw bad("解压后超过" + mb(limits.maxTotalBytes()) + "，文件过大或是压缩炸弹");
                        }
                        if (inflated > RATIO_FLOOR && inflated / compressed > limits.maxRatio()) {
                            throw ratio(entry, limits);
                        }
                        if (scanner != null) {
                            scanner.feed(buf, n);
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw bad("压缩包已损坏（" + e.getMessage() + "），请在Excel中重新保存后上传");
        }
    }

    private static Unreadable tooLarge(ZipEntry entry, long max) {
        return bad("部件" + entry.getName() + "解压后超过" + mb(max) + "，文件过大或是压缩炸弹，请分批上传");
    }

    private static Unreadable ratio(ZipEntry entry, FileLimits limits) {
        return bad("部件" + entry.getName() + "的压缩比超过" + limits.maxRatio() + "倍，不像Excel保存的文件（可能是压缩炸弹）");
    }

    static Unreadable bad(String what) {
        return new Unreadable("文件格式不正确：" + what);
    }

    private static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    /**
     * Reads XML as bytes, without parsing it: text cannot contain '&lt;', so the bytes between two '&lt;' bound the length
     * of any text there (a character takes at least one byte; escapes and UTF-8 take up to about eight). In a worksheet it
     * also follows {@code <row r="…">}, {@code <c>} and {@code </row>} tags to count a row's cells and bytes, so each
     * refusal names the row.
     */
    static final class Scanner {
        private static final int NAME = 8;
        private final FileLimits limits;
        private final boolean worksheet;
        private final long maxRun;
        private final long maxRowBytes;
        private final StringBuilder name = new StringBuilder(NAME);
        private final StringBuilder rowAttrs = new StringBuilder(64);
        private long run;
        /** 0 outside a tag, 1 reading a tag's name, 2 inside a tag after its name. */
        private int state;
        private boolean rowTag;
        private boolean inRow;
        private int row;
        private int cells;
        private long rowBytes;

        Scanner(FileLimits limits, boolean worksheet) {
            this.limits = limits;
            this.worksheet = worksheet;
            this.maxRun = 8L * limits.maxCellChars() + 1024;
            this.maxRowBytes = 8L * limits.maxRowChars() + 64L * limits.maxColumns();
        }

        void feed(byte[] buf, int n) throws Unreadable {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (inRow && ++rowBytes > maxRowBytes) {
                    throw new Unreadable(TableReader.rowTooLong(row, limits));
                }
                if (b == '<') {
                    run = 0;
                    state = 1;
                    name.setLength(0);
                    continue;
                }
                if (++run > maxRun) {
                    throw inRow ? new Unreadable(TableReader.cellTooLong(row, limits))
                            : bad("有单元格或文字超过" + limits.maxCellChars() + "个字符（Excel单元格的上限），文件可能已损坏");
                }
                if (state == 1) {
                    if (b == '>' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || (b == '/' && name.length() > 0)) {
                        tag(name.toString());
                        state = 2;
                    } else if (name.length() < NAME) {
                        name.append((char) (b & 0xff));
                    }
                }
                if (state == 2) {
                    if (b == '>') {
                        state = 0;
                        if (rowTag) {
                            rowStarted();
                        }
                    } else if (rowTag && rowAttrs.length() < 256) {
                        rowAttrs.append((char) (b & 0xff));
                    }
                }
            }
        }

        private void tag(String tag) throws Unreadable {
            rowTag = false;
            if (!worksheet) {
                return;
            }
            switch (tag) {
                case "row" -> {
                    rowTag = true;
                    rowAttrs.setLength(0);
                }
                case "c" -> {
                    if (inRow && ++cells > limits.maxColumns()) {
                        throw new Unreadable(TableReader.tooWide(row, limits));
                    }
                }
                case "/row" -> inRow = false;
                default -> {
                }
            }
        }

        /** Excel numbers rows in {@code r}; without it the row follows the previous one. */
        private void rowStarted() {
            rowTag = false;
            String attrs = rowAttrs.toString();
            int at = attrs.indexOf(" r=\"");
            int r = row + 1;
            if (at >= 0) {
                int end = attrs.indexOf('"', at + 4);
                try {
                    r = Integer.parseInt(attrs.substring(at + 4, end < 0 ? attrs.length() : end));
                } catch (NumberFormatException e) {
                    // an odd r is fastexcel's to refuse; the count still needs a number
                }
            }
            row = r;
            cells = 0;
            rowBytes = 0;
            inRow = !attrs.endsWith("/");
        }
    }
}
