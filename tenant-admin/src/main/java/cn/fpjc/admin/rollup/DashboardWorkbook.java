package cn.fpjc.admin.rollup;

import cn.fpjc.admin.rollup.ProvinceDashboard.Column;
import cn.fpjc.admin.rollup.ProvinceDashboard.CountyRow;
import cn.fpjc.admin.rollup.ProvinceDashboard.Dashboard;
import cn.fpjc.core.platform.metrics.MetricReport;
import cn.fpjc.core.platform.metrics.MetricReport.Shown;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The whole province report as one workbook: the counties side by side (each ratio with the counts behind it), the
 * province total, each county's townships (where it shares them), the monthly trends, the funds checkpoints, and the
 * definitions with their sources.
 */
final class DashboardWorkbook {
    private DashboardWorkbook() {
    }

    static void write(Dashboard d, java.util.List<ProvinceDashboard.CountyDetail> details, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("各县指标");
        text(ws, 0, 0, d.provinceName() + "各县（区）指标");
        ws.style(0, 0).bold().fontSize(14).set();
        int c = 0;
        for (String h : new String[] {"县（区）代码", "县（区）", "数据截至", "快照情况"}) {
            header(ws, 1, c++, h);
        }
        for (Column m : d.metrics()) {
            header(ws, 1, c++, m.label() + (m.kind().equals("RATIO") ? "（%）" : "（" + m.unit() + "）"));
            if (m.kind().equals("RATIO")) {
                header(ws, 1, c++, m.numeratorLabel());
                header(ws, 1, c++, m.denominatorLabel());
            }
        }
        int r = 2;
        for (CountyRow row : d.counties()) {
            text(ws, r, 0, row.code());
            text(ws, r, 1, row.name());
            text(ws, r, 2, row.asOf() == null ? "尚无快照" : row.asOf().toString());
            text(ws, r, 3, row.failure() == null ? "正常" : "最近一次失败（" + row.failedOn() + "）：" + row.failure());
            c = 4;
            for (Column m : d.metrics()) {
                c = figure(ws, r, c, m, row.figures().get(m.key()));
            }
            r++;
        }
        text(ws, r, 1, "全省合计");
        ws.style(r, 1).bold().set();
        c = 4;
        for (Column m : d.metrics()) {
            c = figure(ws, r, c, m, d.totals().get(m.key()));
        }

        Worksheet towns = wb.newWorksheet("各乡镇");
        c = 0;
        for (String h : new String[] {"县（区）", "乡镇代码", "乡镇"}) {
            header(towns, 0, c++, h);
        }
        for (Column m : d.metrics()) {
            header(towns, 0, c++, m.label() + (m.kind().equals("RATIO") ? "（%）" : "（" + m.unit() + "）"));
        }
        r = 1;
        for (ProvinceDashboard.CountyDetail detail : details) {
            if (!detail.sharesTownships()) {
                text(towns, r, 0, detail.name());
                text(towns, r, 2, "该县未共享乡镇一级的指标");
                r++;
                continue;
            }
            // township -> metric -> value, then one row per township in code order
            java.util.Map<String, String> names = new java.util.TreeMap<>();
            java.util.Map<String, java.util.Map<String, BigDecimal>> byTownship = new java.util.HashMap<>();
            for (MetricReport m : detail.metrics()) {
                for (MetricReport.Breakdown a : m.areas()) {
                    names.put(a.code(), a.label());
                    byTownship.computeIfAbsent(a.code(), k -> new java.util.HashMap<>()).put(m.key(), a.figure().value());
                }
            }
            for (java.util.Map.Entry<String, String> t : names.entrySet()) {
                text(towns, r, 0, detail.name());
                text(towns, r, 1, t.getKey());
                text(towns, r, 2, t.getValue());
                c = 3;
                for (Column m : d.metrics()) {
                    number(towns, r, c++, byTownship.get(t.getKey()).get(m.key()));
                }
                r++;
            }
        }

        Worksheet trend = wb.newWorksheet("按月趋势");
        header(trend, 0, 0, "指标");
        if (!d.trends().isEmpty()) {
            for (int i = 0; i < d.trends().get(0).months().size(); i++) {
                header(trend, 0, i + 1, d.trends().get(0).months().get(i).label());
            }
        }
        r = 1;
        for (ProvinceDashboard.Trend t : d.trends()) {
            Column m = d.metrics().stream().filter(x -> x.key().equals(t.key())).findFirst().orElseThrow();
            text(trend, r, 0, m.label());
            for (int i = 0; i < t.months().size(); i++) {
                number(trend, r, i + 1, t.months().get(i).figure().value());
            }
            r++;
        }

        Worksheet funds = wb.newWorksheet("资金支出进度");
        String[] fh = {"县（区）", "数据截至", "当前支出进度（%）", "已到期检查点", "检查点日期", "检查点当日进度（%）", "目标（%）", "判断", "下一检查点",
            "日期", "目标（%）", "依据"};
        for (int i = 0; i < fh.length; i++) {
            header(funds, 0, i, fh[i]);
        }
        r = 1;
        for (CountyRow row : d.counties()) {
            ProvinceDashboard.Funds f = row.funds();
            text(funds, r, 0, row.name());
            if (f != null) {
                text(funds, r, 1, row.asOf().toString());
                number(funds, r, 2, f.progress());
                text(funds, r, 3, f.checkpoint());
                text(funds, r, 4, f.checkpointOn() == null ? null : f.checkpointOn().toString());
                number(funds, r, 5, f.atCheckpoint());
                number(funds, r, 6, f.target());
                text(funds, r, 7, f.result());
                text(funds, r, 8, f.next());
                text(funds, r, 9, f.nextOn() == null ? null : f.nextOn().toString());
                number(funds, r, 10, f.nextTarget());
                text(funds, r, 11, f.citation());
            }
            r++;
        }

        Worksheet defs = wb.newWorksheet("指标说明");
        String[] dh = {"指标", "定义", "依据"};
        for (int i = 0; i < dh.length; i++) {
            header(defs, 0, i, dh[i]);
        }
        r = 1;
        for (Column m : d.metrics()) {
            text(defs, r, 0, m.label());
            text(defs, r, 1, m.definition());
            text(defs, r, 2, m.source());
            r++;
        }
        text(defs, r + 1, 0, d.note());
        wb.finish();
    }

    private static int figure(Worksheet ws, int r, int c, Column m, Shown f) {
        if (f == null) {
            return c + (m.kind().equals("RATIO") ? 3 : 1);
        }
        number(ws, r, c++, f.value());
        if (m.kind().equals("RATIO")) {
            number(ws, r, c++, f.numerator());
            number(ws, r, c++, f.denominator());
        }
        return c;
    }

    private static void header(Worksheet ws, int r, int c, String h) {
        ws.value(r, c, h);
        ws.style(r, c).bold().fillColor("DDEBF7").set();
    }

    private static void number(Worksheet ws, int r, int c, BigDecimal v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }

    /** Text that a spreadsheet would read as a formula gets a leading apostrophe. */
    private static void text(Worksheet ws, int r, int c, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        char first = value.charAt(0);
        ws.value(r, c, first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value);
    }
}
