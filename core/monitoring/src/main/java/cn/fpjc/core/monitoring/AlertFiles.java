package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.ClueRequests.AlertRow;
import cn.fpjc.core.monitoring.ClueRequests.ComparisonRow;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.HeaderTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A line department's alert list as it comes out of its own system: .csv (UTF-8 or GBK) or .xlsx with a header row
 * naming 身份证号 (required), 姓名, 风险类别 and 情况说明 in any order. Each row keeps its row number for the answer.
 *
 * <p>The second layout is the national system's 数据比对 result list (全国防止返贫监测和衔接推进乡村振兴信息系统; 004 一(一)
 * “按月开展数据比对和返贫致贫风险预警”, 002 监测帮扶要点 二(六)17 “对疑点数据和分析比对情况，及时反馈镇村核查核准”): the seeds do
 * not give its columns, so the common names are accepted — 身份证号 or 证件号码 (required), 姓名, the village as a 12-digit code
 * or a name (村代码 / 行政区划代码 / 所在村 / 行政村 / 村), 比对类型 (预警类型 / 比对项目), 风险类别, 比对情况 (比对结果 / 预警信息 /
 * 情况说明).
 */
final class AlertFiles {
    static final int MAX_ROWS = 5000;
    static final Map<String, String> HEADERS = Map.of("身份证号", "id", "姓名", "name", "风险类别", "risk", "情况说明", "description");

    static final HeaderTable.Spec SPEC = new HeaderTable.Spec("department alert file", HEADERS, List.of("id"),
            "第一行应为表头，且须有“身份证号”列（可选：姓名、风险类别、情况说明）", MAX_ROWS, "一次最多推送" + MAX_ROWS + "行，请分批", "没有登记任何线索");

    static final Map<String, String> COMPARISON_HEADERS = Map.ofEntries(Map.entry("身份证号", "id"), Map.entry("证件号码", "id"),
            Map.entry("身份证件号码", "id"), Map.entry("姓名", "name"), Map.entry("村代码", "village"), Map.entry("村级行政区划代码", "village"),
            Map.entry("行政区划代码", "village"), Map.entry("所在村", "village"), Map.entry("行政村", "village"), Map.entry("村", "village"),
            Map.entry("比对类型", "kind"), Map.entry("预警类型", "kind"), Map.entry("比对项目", "kind"), Map.entry("风险类别", "risk"),
            Map.entry("风险类型", "risk"), Map.entry("比对情况", "description"), Map.entry("比对结果", "description"),
            Map.entry("预警信息", "description"), Map.entry("情况说明", "description"));

    static final HeaderTable.Spec COMPARISON = new HeaderTable.Spec("national comparison list", COMPARISON_HEADERS, List.of("id"),
            "第一行应为表头，且须有“身份证号”（或“证件号码”）列（可选：姓名、村代码或所在村、比对类型、风险类别、比对情况）", MAX_ROWS,
            "一次最多导入" + MAX_ROWS + "行，请分批", "没有登记任何线索");

    private AlertFiles() {
    }

    static List<AlertRow> read(Path file, String fileName, FileLimits limits) {
        List<AlertRow> rows = new ArrayList<>();
        HeaderTable.read(file, fileName, limits, SPEC, r -> rows.add(new AlertRow(r.text("id"), r.text("name"), r.text("risk"),
                r.text("description"), r.rowNo())));
        return rows;
    }

    static List<ComparisonRow> readComparison(Path file, String fileName, FileLimits limits) {
        List<ComparisonRow> rows = new ArrayList<>();
        HeaderTable.read(file, fileName, limits, COMPARISON, r -> rows.add(new ComparisonRow(r.text("id"), r.text("name"), r.text("village"),
                r.text("kind"), r.text("risk"), r.text("description"), r.rowNo())));
        return rows;
    }
}
