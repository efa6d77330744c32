package cn.fpjc.core.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile .xlsx files, built here byte by byte (never shipped): each is refused with a reason before it can fill the heap. */
class XlsxTableReaderTest {
    @TempDir
    Path dir;

    /** Writes a one-sheet workbook whose sheet XML is {@code rows} (written by the caller, so it can stream gigabytes). */
    interface SheetRows {
        void write(OutputStream out) throws IOException;
    }

    static Path workbook(Path file, SheetRows rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            rows.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static void row(OutputStream out, int r, String... cells) throws IOException {
        StringBuilder xml = new StringBuilder("<row r=\"").append(r).append("\">");
        for (String c : cells) {
            xml.append("<c t=\"inlineStr\"><is><t>").append(c).append("</t></is></c>");
        }
        out.write(xml.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Row {@code r} holding one inline-string cell of {@code bytes} times {@code 'A'}. */
    static void hugeCell(OutputStream out, int r, long bytes) throws IOException {
        out.write(("<row r=\"" + r + "\"><c t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'A');
        for (long left = bytes; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
    }

    private List<String> read(Path file, FileLimits limits) throws Exception {
        List<String> rows = new ArrayList<>();
        new XlsxTableReader(limits).read(file, (n, cells) -> rows.add(n + ":" + String.join("|", cells.stream().map(TableReader.Cell::text).toList())));
        return rows;
    }

    private String refusal(Path file, FileLimits limits) {
        return assertThrows(TableReader.Unreadable.class, () -> read(file, limits)).getMessage();
    }

    @Test
    void anOrdinaryWorkbookIsRead() throws Exception {
        Path file = workbook(dir.resolve("ok.xlsx"), out -> {
            row(out, 1, "姓名", "身份证号");
            row(out, 3, "张三", "1");
        });
        assertEquals(List.of("1:姓名|身份证号", "3:张三|1"), read(file, FileLimits.defaults()));
    }

    /** The defaults with no ratio limit, to reach the checks behind it. */
    private static final FileLimits ANY_RATIO = FileLimits.of(32767, 1000, 1_000_000, 512L << 20, 64L << 20, 1L << 30, Integer.MAX_VALUE, 10_000);

    @Test
    void oneCellThatInflatesToHundredsOfMegabytesIsRefusedWithItsRow() throws Exception {
        // 256 MB of one letter in one cell, about 250 KB zipped: fastexcel alone would build it as one string
        Path file = workbook(dir.resolve("bomb.xlsx"), out -> {
            row(out, 1, "姓名", "说明");
            hugeCell(out, 2, 256L << 20);
        });
        assertTrue(Files.size(file) < 1 << 20, "a small file: " + Files.size(file));
        assertEquals("文件格式不正确：部件xl/worksheets/sheet1.xml的压缩比超过100倍，不像Excel保存的文件（可能是压缩炸弹）",
                refusal(file, FileLimits.defaults()));
        // the cell check stands on its own, whatever the ratio
        assertEquals("文件格式不正确：第2行有单元格超过32767个字符（Excel单元格的上限），可能有未闭合的引号或文件已损坏", refusal(file, ANY_RATIO));
    }

    @Test
    void aPartThatInflatesBeyondTheRatioIsRefusedEvenInSmallCells() throws Exception {
        byte[] one = "<row><c t=\"inlineStr\"><is><t>1</t></is></c></row>".getBytes(StandardCharsets.UTF_8);
        Path file = workbook(dir.resolve("ratio.xlsx"), out -> {
            for (int r = 1; r <= 200_000; r++) {
                out.write(one);
            }
        });
        assertEquals("文件格式不正确：部件xl/worksheets/sheet1.xml的压缩比超过100倍，不像Excel保存的文件（可能是压缩炸弹）",
                refusal(file, FileLimits.defaults()));
    }

    @Test
    void aPartLargerThanItsLimitIsRefusedWhateverItsDirectorySays() throws Exception {
        Path file = workbook(dir.resolve("lying.xlsx"), out -> {
            for (int r = 1; r <= 2000; r++) {
                row(out, r, "张三" + r, "说明" + r);
            }
        });
        long inflated;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            inflated = zip.getEntry("xl/worksheets/sheet1.xml").getSize();
        }
        lieAboutSizes(file, "xl/worksheets/sheet1.xml", 100);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertEquals(100, zip.getEntry("xl/worksheets/sheet1.xml").getSize(), "the directory now claims 100 bytes");
        }
        FileLimits limits = FileLimits.of(32767, 1000, 1_000_000, inflated - 1, 1 << 20, 1L << 30, 100, 100);
        assertEquals("文件格式不正确：部件xl/worksheets/sheet1.xml解压后超过0 MB，文件过大或是压缩炸弹，请分批上传", refusal(file, limits));
    }

    @Test
    void tooManyCellsInARowAreRefusedWithItsRow() throws Exception {
        Path file = workbook(dir.resolve("wide.xlsx"), out -> {
            row(out, 1, "a", "b");
            String[] cells = new String[200_000];
            java.util.Arrays.fill(cells, "x");
            row(out, 7, cells);
        });
        assertEquals("文件格式不正确：第7行超过1000列，请检查分隔符或删除多余的列", refusal(file, ANY_RATIO));
    }

    @Test
    void malformedSheetXmlIsABadFileNotASystemError() throws Exception {
        Path file = workbook(dir.resolve("broken.xlsx"), out -> out.write("<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></c></row>".getBytes()));
        String message = refusal(file, FileLimits.defaults());
        assertTrue(message.startsWith("文件格式不正确：无法读取这个.xlsx文件"), message);
    }

    /** Overwrites an entry's uncompressed size in the zip's central directory, as a hostile file would. */
    private static void lieAboutSizes(Path file, String entry, int size) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == name.length
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                b.putInt(i + 24, size);
                Files.write(file, zip);
                return;
            }
        }
        throw new IllegalStateException("no central directory entry " + entry);
    }
}
