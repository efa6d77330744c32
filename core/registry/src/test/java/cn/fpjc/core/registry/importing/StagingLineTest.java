package cn.fpjc.core.registry.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LOAD DATA line of a staged row: what the server will read back, byte for byte. */
class StagingLineTest {

    @Test
    void aRowBecomesOneEscapedUtf8LineWithNullsHexAndFlags() {
        byte[] line = ImportStaging.tsv(new Object[] { 7L, null, "张三", new byte[] { 0x00, (byte) 0xAB, 0x7F }, true, false,
                new BigDecimal("1.50E+3"), LocalDate.of(2024, 1, 31), "a\tb\\c\nd\re\0f", "𠀀x" });
        assertEquals("7\t\\N\t张三\t00ab7f\t1\t0\t1500\t2024-01-31\ta\\tb\\\\c\\nd\\re\\0f\t𠀀x\n", new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateIsAQuestionMarkAsJavaEncodesIt() {
        assertArrayEquals("\ud800a\udc00\n".getBytes(StandardCharsets.UTF_8), ImportStaging.tsv(new Object[] { "\ud800a\udc00" }));
    }

    /** Any text, every char value included (lone surrogates, U+007F/0080, 07FF/0800, FFFF, pairs up to U+10FFFF): as the old form. */
    @Test
    void everyCharIsWrittenAsTheStringBuilderFormWroteIt() {
        Random random = new Random(17);
        for (int n = 0; n < 3000; n++) {
            List<Object> values = new ArrayList<>();
            int fields = 1 + random.nextInt(6);
            for (int v = 0; v < fields; v++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(n % 300 + 1); k > 0; k--) {
                    int pick = random.nextInt(4);
                    if (pick == 0) {
                        text.append((char) random.nextInt(0x10000)); // any char, a lone surrogate too
                    } else if (pick == 1) {
                        text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a pair
                    } else {
                        text.append("\t\\\n\r\0a\u007f\u0080\u07ff\u0800\uffff\ud800\udc00户".charAt(random.nextInt(14)));
                    }
                }
                values.add(text.toString());
            }
            values.add(n % 2 == 0 ? null : new byte[] { (byte) n, (byte) (n >> 8) });
            assertArrayEquals(stringBuilderForm(values.toArray()), ImportStaging.tsv(values.toArray()), () -> "values " + values);
        }
    }

    /** The line as the StringBuilder form before 2 Dec 2026 wrote it (String.getBytes: a lone surrogate becomes '?'). */
    private static byte[] stringBuilderForm(Object[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                line.append("\\N");
            } else if (v instanceof byte[] b) {
                line.append(java.util.HexFormat.of().formatHex(b));
            } else {
                String text = v.toString();
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    switch (ch) {
                        case '\\' -> line.append("\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        case '\0' -> line.append("\\0");
                        default -> line.append(ch);
                    }
                }
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
