package cn.fpjc.core.funds.asset;

import cn.fpjc.core.funds.asset.AssetViews.AssetView;
import cn.fpjc.core.funds.project.ProjectNature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** 资产台账 as a workbook: one sheet per category (经营性 / 公益性 / 到户类), no personal data (000 (十八)一 建立资产台账). */
final class AssetLedgerExport {
    static final String[] HEADERS = { "资产名称", "形成项目", "所在村", "权属", "管护主体", "资产价值（元）", "决算审计日期", "确权登记移交", "状态",
        "四个一批", "上次村级管护", "上次乡镇检查", "上次县级督导", "管护检查状态" };

    private AssetLedgerExport() {
    }

    static void write(String countyName, List<AssetView> assets, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        for (ProjectNature nature : ProjectNature.values()) {
            List<AssetView> rows = assets.stream().filter(a -> a.nature().equals(nature.name())).toList();
            Worksheet ws = wb.newWorksheet(nature.label() + "资产");
            ws.value(0, 0, countyName + nature.label() + "项目资产台账（共 " + rows.size() + " 项）");
            ws.style(0, 0).bold().fontSize(14).set();
            for (int c = 0; c < HEADERS.length; c++) {
                ws.value(1, c, HEADERS[c]);
                ws.style(1, c).bold().fillColor("DDEBF7").set();
            }
            int r = 2;
            for (AssetView a : rows) {
                ws.value(r, 0, text(a.name()));
                ws.value(r, 1, text(a.projectName()));
                ws.value(r, 2, a.villageName());
                ws.value(r, 3, text(a.owner()));
                ws.value(r, 4, text(a.custodian()));
                ws.value(r, 5, a.value());
                ws.value(r, 6, a.auditedOn().toString());
                ws.value(r, 7, a.confirmedOn() == null ? a.confirmation().state() : a.confirmedOn() + " " + text(a.confirmationDoc()));
                ws.value(r, 8, a.statusLabel());
                ws.value(r, 9, a.assetClassLabel() == null ? "" : a.assetClassLabel());
                for (int l = 0; l < 3; l++) {
                    var level = a.cadence().get(l);
                    ws.value(r, 10 + l, level.lastCheckedOn() == null ? "未检查" : level.lastCheckedOn().toString());
                }
                ws.value(r, 13, String.join("；", a.cadence().stream().map(c -> c.levelLabel() + c.state()).toList()));
                r++;
            }
            ws.freezePane(0, 2);
        }
        wb.finish();
    }

    /** Text typed by users is never read as a formula by the spreadsheet. */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
