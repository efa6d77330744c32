package cn.fpjc.core.platform.files;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first worksheet of an .xlsx workbook, streamed by fastexcel-reader (rows are parsed as they are read) after
 * {@link XlsxPrecheck} has bounded what its parts inflate to.
 */
final class XlsxTableReader implements TableReader {
    private final FileLimits limits;

    XlsxTableReader(FileLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, RowHandler handler) throws Exception {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
                throw new Unreadable(ReadableWorkbook.isOLE2Header(head)
                        ? "这是旧版Excel（.xls）文件，请在Excel中另存为.xlsx后再上传"
                        : "文件格式不正确：不是有效的.xlsx工作簿");
            }
        }
        XlsxPrecheck.check(file, limits);
        ReadableWorkbook wb;
        Stream<Row> rows;
        try {
            wb = new ReadableWorkbook(file.toFile());
        } catch (Exception e) {
            throw malformed(e);
        }
        try (wb) {
            try {
                rows = wb.getFirstSheet().openStream();
            } catch (Exception e) {
                throw malformed(e);
            }
            try (rows) {
                Iterator<Row> it = rows.iterator();
                while (true) {
                    Row row;
                    // fastexcel's own failures are the file's fault; the handler's are passed on as they are
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        row = it.next();
                    } catch (RuntimeException e) {
                        throw malformed(e);
                    }
                    List<Cell> cells = cells(row);
                    if (cells != null) {
                        handler.row(row.getRowNum(), cells);
                    }
                }
            }
        }
    }

    /** The row's cells, or null when it holds no text. */
    private List<Cell> cells(Row row) throws Unreadable {
        if (row.getCellCount() > limits.maxColumns()) {
            throw new Unreadable(TableReader.tooWide(row.getRowNum(), limits));
        }
        List<Cell> cells = new ArrayList<>(row.getCellCount());
        boolean any = false;
        for (int i = 0; i < row.getCellCount(); i++) {
            org.dhatim.fastexcel.reader.Cell c = row.getCell(i);
            if (c == null || c.getType() == CellType.EMPTY || c.getRawValue() == null) {
                cells.add(Cell.EMPTY);
                continue;
            }
            boolean numeric = c.getType() == CellType.NUMBER;
            String text = numeric ? c.getRawValue() : c.getText();
            if (c.getType() == CellType.FORMULA || c.getType() == CellType.ERROR) {
                text = c.getRawValue();
            }
            text = text == null ? "" : text.strip();
            any |= !text.isEmpty();
            cells.add(new Cell(text, numeric));
        }
        TableReader.checkRow(row.getRowNum(), cells, limits);
        return any ? cells : null;
    }

    private static Unreadable malformed(Exception e) {
        if (e instanceof Unreadable u) {
            return u;
        }
        return XlsxPrecheck.bad("无法读取这个.xlsx文件（" + e.getClass().getSimpleName() + "），请确认文件完整，或在Excel中重新保存后上传");
    }

    @Override
    public Integer percentRead() {
        return null;
    }
}
