package cn.fpjc.core.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private List<String> rows(byte[] content) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.write(file, content);
        List<String> rows = new ArrayList<>();
        CsvTableReader reader = new CsvTableReader(FileLimits.defaults());
        reader.read(file, (rowNo, cells) -> rows.add(rowNo + ":" + String.join("|", cells.stream().map(TableReader.Cell::text).toList())));
        assertEquals(100, reader.percentRead(), "the whole file was read");
        return rows;
    }

    @Test
    void rowNumbersAreExcelsAndBlankRowsAreSkipped() throws Exception {
        String csv = "姓名,身份证号\r\n张三,1\r\n\r\n , \r\n\"李\n四\",\"2\"\r\n王五,3";
        assertEquals(List.of("1:姓名|身份证号", "2:张三|1", "5:李\n四|2", "6:王五|3"), rows(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quotesAreRfc4180AndCellsAreStrippedOfFullWidthSpaces() throws Exception {
        String csv = "\"说\"\"明\",　甲　,a\"b\",\"c\"d,\"x,y\"\n\"unterminated";
        assertEquals(List.of("1:说\"明|甲|a\"b\"|cd|x,y", "2:unterminated"), rows(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encodingIsTheBomsElseUtf8ElseGbk() throws Exception {
        String csv = "户主,村\n吴桂英,三陶村\n";
        List<String> expected = List.of("1:户主|村", "2:吴桂英|三陶村");
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(expected, rows(utf8));
        assertEquals(expected, rows(bom));
        assertEquals(expected, rows(csv.getBytes(Charset.forName("GBK"))));
    }

    @Test
    void bytesThatFitNoEncodingAreACleanRefusal() throws Exception {
        // a BOM promises UTF-8; a stray 0xFF after it cannot be decoded
        byte[] bad = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', (byte) 0xFF, '\n' };
        Path file = dir.resolve("bad.csv");
        Files.write(file, bad);
        TableReader.Unreadable e = assertThrows(TableReader.Unreadable.class, () -> new CsvTableReader(FileLimits.defaults()).read(file, (n, c) -> {
        }));
        assertEquals("文件编码无法识别，请在Excel中另存为“CSV UTF-8（逗号分隔）”后再上传", e.getMessage());
    }

    private TableReader.Unreadable refused(FileLimits limits, Path file, int[] handed) {
        return assertThrows(TableReader.Unreadable.class, () -> new CsvTableReader(limits).read(file, (n, c) -> handed[0]++));
    }

    @Test
    void anUnterminatedQuoteIsRefusedAtTheCellLimitWithItsRow() throws Exception {
        // 40 MB after an opening quote that never closes: Commons CSV alone would build one 40-million-character cell
        Path file = dir.resolve("open-quote.csv");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("姓名,说明\n张三,ok\n李四,\"".getBytes(StandardCharsets.UTF_8));
            byte[] line = "没有闭合的引号,,,\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 40L << 20; written += line.length) {
                out.write(line);
            }
        }
        int[] handed = { 0 };
        TableReader.Unreadable e = refused(FileLimits.defaults(), file, handed);
        assertEquals("文件格式不正确：第3行有单元格超过32767个字符（Excel单元格的上限），可能有未闭合的引号或文件已损坏", e.getMessage());
        assertEquals(2, handed[0], "the rows before it were read");
    }

    @Test
    void tooManyColumnsAreRefusedBeforeTheRowIsBuilt() throws Exception {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, "a,b\n1,2\n" + ",".repeat(199_999) + "\n");
        TableReader.Unreadable e = refused(FileLimits.defaults(), file, new int[1]);
        assertEquals("文件格式不正确：第3行超过1000列，请检查分隔符或删除多余的列", e.getMessage());
    }

    @Test
    void aRowOverItsCharacterLimitIsRefused() throws Exception {
        Path file = dir.resolve("long-row.csv");
        Files.writeString(file, "a,b,c\n" + "x".repeat(30) + "," + "y".repeat(30) + ",z\n");
        TableReader.Unreadable e = refused(FileLimits.of(40, 10, 50, 1, 1, 1, 1, 1), file, new int[1]);
        assertTrue(e.getMessage().startsWith("文件格式不正确：第2行的内容超过50个字符"), e.getMessage());
    }

    @Test
    void limitsCountCellsAsCommonsCsvReadsThem() throws Exception {
        // quoted commas and line breaks stay in their cell; "" is one character; CRLF is one line end
        String cell = "\"" + "\"\"".repeat(20) + ",\r\n" + "\"";
        FileLimits limits = FileLimits.of(23, 2, 1000, 1, 1, 1, 1, 1);
        Path file = dir.resolve("exact.csv");
        Files.writeString(file, "a,b\r\n" + cell + ",x\r\n\r\nc,d");
        List<String> rows = new ArrayList<>();
        new CsvTableReader(limits).read(file, (n, c) -> rows.add(n + ":" + c.size()));
        assertEquals(List.of("1:2", "2:2", "4:2"), rows);
        Files.writeString(file, "a,b\r\n" + cell.replace(",", ",,") + ",x\r\n");
        assertEquals("文件格式不正确：第2行有单元格超过23个字符（Excel单元格的上限），可能有未闭合的引号或文件已损坏",
                refused(limits, file, new int[1]).getMessage());
    }
}
