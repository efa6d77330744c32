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

    /** The reader for a file, by its name (.xlsx or .csv); null for anything else. */
    static TableReader forFileName(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return new XlsxTableReader();
        }
        if (lower.endsWith(".csv")) {
            return new CsvTableReader();
        }
        return null;
    }

    /** A file-level problem (not xlsx at all, unreadable encoding …) with a Chinese message. */
    final class Unreadable extends IOException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
