package cn.fpjc.core.platform.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes); a record's number is the row Excel shows it on. Excel in China saves "CSV" as GBK and
 * "CSV UTF-8" with a byte-order mark, so the encoding is the BOM's, else UTF-8 if the first 64 KB decode
 * as UTF-8, else GB18030 (a superset of GBK). Every cell is text.
 */
final class CsvTableReader implements TableReader {
    private static final int SNIFF = 64 * 1024;
    private volatile long size = 1;
    private volatile CountingStream counting;

    @Override
    public void read(Path file, RowHandler handler) throws Exception {
        size = Math.max(1, Files.size(file));
        try (CountingStream raw = new CountingStream(Files.newInputStream(file)); BufferedInputStream in = new BufferedInputStream(raw, SNIFF)) {
            counting = raw;
            Charset charset = sniff(in);
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader reader = new java.io.BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
                parse(reader, handler);
            } catch (CharacterCodingException e) {
                throw new Unreadable("文件编码无法识别，请在Excel中另存为“CSV UTF-8（逗号分隔）”后再上传");
            }
        }
    }

    @Override
    public Integer percentRead() {
        CountingStream c = counting;
        return c == null ? 0 : (int) Math.min(100, c.count * 100 / size);
    }

    static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        try {
            utf8.decode(bytes);
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            // A multi-byte character cut at the sniff boundary is not evidence against UTF-8.
            return bytes.position() >= head.length - 3 && head.length == SNIFF ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        }
    }

    static void parse(Reader reader, RowHandler handler) throws Exception {
        List<Cell> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int rowNo = 1;
        int ch;
        while ((ch = reader.read()) != -1) {
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                any |= add(cells, cell);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                any |= add(cells, cell);
                if (any) {
                    handler.row(rowNo, cells);
                }
                cells = new ArrayList<>();
                any = false;
                rowNo++;
            } else {
                cell.append(c);
            }
        }
        if (!cells.isEmpty() || !cell.isEmpty()) {
            any |= add(cells, cell);
            if (any) {
                handler.row(rowNo, cells);
            }
        }
    }

    private static boolean add(List<Cell> cells, StringBuilder cell) {
        String text = cell.toString().strip();
        cell.setLength(0);
        cells.add(text.isEmpty() ? Cell.EMPTY : new Cell(text, false));
        return !text.isEmpty();
    }

    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
