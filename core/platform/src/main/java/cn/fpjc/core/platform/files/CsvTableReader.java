package cn.fpjc.core.platform.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes) parsed by Commons CSV, streamed record by record; a
 * record's number is the row Excel shows it on. Excel in China saves "CSV" as GBK and
 * "CSV UTF-8" with a byte-order mark, so the encoding is the BOM's, else UTF-8 if the first 64 KB decode
 * as UTF-8, else GB18030 (a superset of GBK). Every cell is text. A {@link Guard} bounds cells and rows while the
 * characters stream in, since Commons CSV would otherwise grow one cell without end on an unterminated quote.
 */
final class CsvTableReader implements TableReader {
    private static final int SNIFF = 64 * 1024;
    private final FileLimits limits;
    private volatile long size = 1;
    private volatile CountingStream counting;

    CsvTableReader(FileLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, RowHandler handler) throws Exception {
        size = Math.max(1, Files.size(file));
        try (CountingStream raw = new CountingStream(Files.newInputStream(file)); BufferedInputStream in = new BufferedInputStream(raw, SNIFF)) {
            counting = raw;
            Charset charset = sniff(in);
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader reader = new Guard(new InputStreamReader(in, decoder), limits)) {
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

    /**
     * Commons CSV does the RFC 4180 work; the settings keep what people's files need: an empty line is a row (so numbers
     * match Excel's) but is not handed on, text after a closing quote stays in the cell, and a quote left open at the end
     * ends the cell instead of failing the whole file.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrailingData(true)
            .setLenientEof(true).get();

    static void parse(Reader reader, RowHandler handler) throws Exception {
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            int rowNo = 0;
            for (CSVRecord record : parser) {
                rowNo++;
                List<Cell> cells = new ArrayList<>(record.size());
                boolean any = false;
                for (String value : record) {
                    // strip(), not Commons' trim(): also drops the full-width spaces Chinese input leaves around values
                    String text = value.strip();
                    cells.add(text.isEmpty() ? Cell.EMPTY : new Cell(text, false));
                    any |= !text.isEmpty();
                }
                if (any) {
                    handler.row(rowNo, cells);
                }
            }
        } catch (UncheckedIOException e) {
            // the record iterator wraps read failures (an undecodable byte among them)
            throw e.getCause();
        }
    }

    /**
     * Follows the CSV grammar as Commons CSV applies it with {@link #FORMAT} (a quote opens only at a cell's start, {@code ""}
     * inside quotes is one quote, CR, LF and CRLF end a record outside quotes) just far enough to count each cell's
     * characters, a record's cells and characters, and the record's number, and refuses the file at the first one over
     * its limit: the parser's buffers then never hold more than one bounded cell.
     */
    static final class Guard extends java.io.FilterReader {
        private final FileLimits limits;
        private int record = 1;
        private int columns = 1;
        private long cellChars;
        private long recordChars;
        private boolean cellStart = true;
        private boolean quoted;
        private boolean quoteSeen;
        private boolean afterCr;

        Guard(Reader in, FileLimits limits) {
            super(in);
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                step((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                step(buf[i]);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        private void step(char c) throws Unreadable {
            if (quoted) {
                if (quoteSeen) {
                    quoteSeen = false;
                    if (c == '"') {
                        count();
                        return;
                    }
                    quoted = false; // the quote closed the quoted part; c is read as outside quotes
                } else if (c == '"') {
                    quoteSeen = true;
                    return;
                } else {
                    count();
                    return;
                }
            }
            if (c == '\n' && afterCr) {
                afterCr = false;
                return;
            }
            afterCr = c == '\r';
            if (c == '\r' || c == '\n') {
                record++;
                columns = 1;
                recordChars = 0;
                cellChars = 0;
                cellStart = true;
            } else if (c == ',') {
                if (++columns > limits.maxColumns()) {
                    throw new Unreadable(TableReader.tooWide(record, limits));
                }
                cellChars = 0;
                cellStart = true;
            } else if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else {
                cellStart = false;
                count();
            }
        }

        private void count() throws Unreadable {
            if (++cellChars > limits.maxCellChars()) {
                throw new Unreadable(TableReader.cellTooLong(record, limits));
            }
            if (++recordChars > limits.maxRowChars()) {
                throw new Unreadable(TableReader.rowTooLong(record, limits));
            }
        }
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
