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

/** The first worksheet of an .xlsx workbook, streamed by fastexcel-reader (rows are parsed as they are read). */
final class XlsxTableReader implements TableReader {
    @Override
    public void read(Path file, RowHandler handler) throws Exception {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
                throw new Unreadable(ReadableWorkbook.isOLE2Header(head)
                        ? "这是旧版Excel（.xls）文件，请在Excel中另存为.xlsx后再上传"
                        : "文件不是有效的.xlsx工作簿");
            }
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
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
                if (any) {
                    handler.row(row.getRowNum(), cells);
                }
            }
        } catch (Unreadable e) {
            throw e;
        } catch (java.io.IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new Unreadable("无法读取这个.xlsx文件（" + e.getClass().getSimpleName() + "），请确认文件完整，或在Excel中重新保存后上传");
        }
    }

    @Override
    public Integer percentRead() {
        return null;
    }
}
