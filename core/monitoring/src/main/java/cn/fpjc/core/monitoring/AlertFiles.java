package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.ClueRequests.AlertRow;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.HeaderTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A line department's alert list as it comes out of its own system: .csv (UTF-8 or GBK) or .xlsx with a header row
 * naming 身份证号 (required), 姓名, 风险类别 and 情况说明 in any order. Each row keeps its row number for the answer.
 */
final class AlertFiles {
    static final int MAX_ROWS = 5000;
    static final Map<String, String> HEADERS = Map.of("身份证号", "id", "姓名", "name", "风险类别", "risk", "情况说明", "description");

    static final HeaderTable.Spec SPEC = new HeaderTable.Spec("department alert file", HEADERS, List.of("id"),
            "第一行应为表头，且须有“身份证号”列（可选：姓名、风险类别、情况说明）", MAX_ROWS, "一次最多推送" + MAX_ROWS + "行，请分批", "没有登记任何线索");

    private AlertFiles() {
    }

    static List<AlertRow> read(Path file, String fileName, FileLimits limits) {
        List<AlertRow> rows = new ArrayList<>();
        HeaderTable.read(file, fileName, limits, SPEC, r -> rows.add(new AlertRow(r.text("id"), r.text("name"), r.text("risk"),
                r.text("description"), r.rowNo())));
        return rows;
    }
}
