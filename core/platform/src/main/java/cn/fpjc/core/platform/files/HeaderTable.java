package cn.fpjc.core.platform.files;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A table a line department or a bank sends as it comes out of its own system: .csv (UTF-8 or GBK) or .xlsx whose first
 * row names the columns, in any order. The header row is matched against the expected names (a leading * ignored), the
 * required ones must be there, and each data row reaches the caller with its row number for the row-level report. Every
 * way the file cannot be read is a 400 on the field {@code file}, in Chinese; nothing is kept of a file that fails.
 */
public final class HeaderTable {
    private static final Logger LOG = Logger.getLogger(HeaderTable.class);

    /**
     * What a file must look like: header names → column keys, the keys that must be present, the Chinese message when they
     * are not, the most data rows taken at once, and what is said was not done when the file exhausts the machine.
     */
    public record Spec(String what, Map<String, String> headers, List<String> required, String headerMessage, int maxRows,
            String tooManyMessage, String nothingDone) {
    }

    /** One data row: its number in the file, and its cells by column key. */
    public record Row(int rowNo, List<TableReader.Cell> cells, Map<String, Integer> columns) {
        /** The cell's text, or null when the column is absent or the cell blank. */
        public String text(String key) {
            Integer at = columns.get(key);
            return at == null || at >= cells.size() || cells.get(at).isBlank() ? null : cells.get(at).text();
        }

        /** True when the cell holds a number (a date in Excel is one). */
        public boolean numeric(String key) {
            Integer at = columns.get(key);
            return at != null && at < cells.size() && cells.get(at).numeric();
        }
    }

    private HeaderTable() {
    }

    public static void read(Path file, String fileName, FileLimits limits, Spec spec, Consumer<Row> sink) {
        TableReader reader = TableReader.forFileName(fileName, limits);
        if (reader == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_TYPE);
        }
        Map<String, Integer> columns = new HashMap<>();
        int[] taken = { 0 };
        try {
            reader.read(file, (rowNo, cells) -> {
                if (columns.isEmpty()) {
                    for (int i = 0; i < cells.size(); i++) {
                        String key = spec.headers().get(cells.get(i).text().replace("*", "").strip());
                        if (key != null) {
                            columns.putIfAbsent(key, i);
                        }
                    }
                    if (!columns.keySet().containsAll(spec.required())) {
                        throw refusal(spec.headerMessage());
                    }
                    return;
                }
                if (taken[0]++ >= spec.maxRows()) {
                    throw refusal(spec.tooManyMessage());
                }
                sink.accept(new Row(rowNo, cells, columns));
            });
        } catch (ApiException e) {
            throw e;
        } catch (TableReader.Unreadable e) {
            throw refusal(e.getMessage());
        } catch (Exception e) {
            throw refusal("文件格式不正确：无法读取，请另存为.xlsx或.csv后再上传");
        } catch (VirtualMachineError e) {
            // The limits and the xlsx precheck should stop a hostile file first; if one still exhausts memory or stack, the
            // rows read so far are dropped with it and the sender is told about the file, as the background import does.
            LOG.errorf("%s %s: out of resources while reading (%s)", spec.what(), fileName, e.getClass().getSimpleName());
            throw refusal(BackgroundJobs.RESOURCES_EXHAUSTED + "，" + spec.nothingDone() + "；请检查文件内容，或分批上传");
        }
        if (columns.isEmpty()) {
            throw refusal("文件是空的");
        }
    }

    private static ApiException refusal(String message) {
        return new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", message)));
    }
}
