package cn.fpjc.core.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        CsvTableReader reader = new CsvTableReader();
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
        TableReader.Unreadable e = assertThrows(TableReader.Unreadable.class, () -> new CsvTableReader().read(file, (n, c) -> {
        }));
        assertEquals("文件编码无法识别，请在Excel中另存为“CSV UTF-8（逗号分隔）”后再上传", e.getMessage());
    }
}
