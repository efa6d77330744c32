package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.ClueRequests.AlertRow;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.TableReader;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line department's alert list as it comes out of its own system: .csv (UTF-8 or GBK) or .xlsx with a header row
 * naming 身份证号 (required), 姓名, 风险类别 and 情况说明 in any order. Each row keeps its row number for the answer.
 */
final class AlertFiles {
    private static final Logger LOG = Logger.getLogger(AlertFiles.class);
    static final int MAX_ROWS = 5000;
    static final Map<String, String> HEADERS = Map.of("身份证号", "id", "姓名", "name", "风险类别", "risk", "情况说明", "description");

    private AlertFiles() {
    }

    static List<AlertRow> read(Path file, String fileName, FileLimits limits) {
        TableReader reader = TableReader.forFileName(fileName, limits);
        if (reader == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_TYPE);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<AlertRow> rows = new ArrayList<>();
        try {
            reader.read(file, (rowNo, cells) -> {
                if (columns.isEmpty()) {
                    for (int i = 0; i < cells.size(); i++) {
                        String key = HEADERS.get(cells.get(i).text().replace("*", "").strip());
                        if (key != null) {
                            columns.putIfAbsent(key, i);
                        }
                    }
                    if (!columns.containsKey("id")) {
                        throw new ApiException(PlatformError.VALIDATION_FAILED, null,
                                List.of(new FieldError("file", "第一行应为表头，且须有“身份证号”列（可选：姓名、风险类别、情况说明）")));
                    }
                    return;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", "一次最多推送" + MAX_ROWS + "行，请分批")));
                }
                rows.add(new AlertRow(cell(cells, columns.get("id")), cell(cells, columns.get("name")), cell(cells, columns.get("risk")),
                        cell(cells, columns.get("description")), rowNo));
            });
        } catch (ApiException e) {
            throw e;
        } catch (TableReader.Unreadable e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", e.getMessage())));
        } catch (Exception e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", "文件格式不正确：无法读取，请另存为.xlsx或.csv后再上传")));
        } catch (VirtualMachineError e) {
            // The limits and the xlsx precheck should stop a hostile file first; if one still exhausts memory or stack, the
            // rows read so far are dropped with it and the sender is told about the file, as the background import does.
            LOG.errorf("department alert file %s: out of resources while reading (%s)", fileName, e.getClass().getSimpleName());
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file",
                    BackgroundJobs.RESOURCES_EXHAUSTED + "，没有登记任何线索；请检查文件内容，或分批推送")));
        }
        return rows;
    }

    private static String cell(List<TableReader.Cell> cells, Integer at) {
        return at == null || at >= cells.size() || cells.get(at).isBlank() ? null : cells.get(at).text();
    }
}
