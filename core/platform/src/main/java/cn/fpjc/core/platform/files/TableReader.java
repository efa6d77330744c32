package cn.fpjc.core.platform.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an uploaded table row by row without holding the file in memory. Row numbers are the ones a
 * person sees in Excel (the header is row 1), so a report can point at them.
 */
public interface TableReader {
    /** One cell: its text, and whether the spreadsheet stored it as a number (IDs stored as numbers have lost digits). */
    record Cell(String text, boolean numeric) {
        public static final Cell EMPTY = new Cell("", false);

        public boolean isBlank() {
            return text.isBlank();
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void row(int rowNo, List<Cell> cells) throws Exception;
    }

    /** Hands every row, the header first, to {@code handler}; rows with no text at all are skipped. */
    void read(Path file, RowHandler handler) throws Exception;

    /** How far through the file reading is, 0—100, or null when the format can't tell. */
    Integer percentRead();

    /** The reader for a file, by its name (.xlsx or .csv), bounded by {@code limits}; null for anything else. */
    static TableReader forFileName(String fileName, FileLimits limits) {
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return new XlsxTableReader(limits);
        }
        if (lower.endsWith(".csv")) {
            return new CsvTableReader(limits);
        }
        return null;
    }

    /** Refuses a row that is too wide or holds too much text, naming its row (both formats check what they handed out). */
    static void checkRow(int rowNo, List<Cell> cells, FileLimits limits) throws Unreadable {
        if (cells.size() > limits.maxColumns()) {
            throw new Unreadable(tooWide(rowNo, limits));
        }
        long chars = 0;
        for (Cell c : cells) {
            if (c.text().length() > limits.maxCellChars()) {
                throw new Unreadable(cellTooLong(rowNo, limits));
            }
            chars += c.text().length();
        }
        if (chars > limits.maxRowChars()) {
            throw new Unreadable(rowTooLong(rowNo, limits));
        }
    }

    static String tooWide(int rowNo, FileLimits limits) {
        return "文件格式不正确：第" + rowNo + "行超过" + limits.maxColumns() + "列，请检查分隔符或删除多余的列";
    }

    static String cellTooLong(int rowNo, FileLimits limits) {
        return "文件格式不正确：第" + rowNo + "行有单元格超过" + limits.maxCellChars() + "个字符（Excel单元格的上限），可能有未闭合的引号或文件已损坏";
    }

    static String rowTooLong(int rowNo, FileLimits limits) {
        return "文件格式不正确：第" + rowNo + "行的内容超过" + limits.maxRowChars() + "个字符，可能有未闭合的引号或文件已损坏";
    }

    /** A file-level problem (not xlsx at all, unreadable encoding …) with a Chinese message. */
    final class Unreadable extends IOException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
