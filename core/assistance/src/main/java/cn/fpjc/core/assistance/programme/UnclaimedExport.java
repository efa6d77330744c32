package cn.fpjc.core.assistance.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** 应享未享 as a workbook: one row per entitled member, ID numbers masked, streamed as the list is assessed. */
@ApplicationScoped
public class UnclaimedExport {
    static final String[] HEADERS = { "所在村", "户编号", "姓名", "身份证号（脱敏）", "户类型", "核对情况", "应享标准（元）", "补助方式" };

    @Inject
    EntitlementService service;

    /** Writes the workbook; returns its title (county, year, programme). */
    public String write(String programmeId, Integer year, String village, String countyName, OutputStream out) throws IOException {
        AssistanceProgramme programme = service.programme(programmeId);
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("应享未享");
        String[] title = new String[1];
        int[] row = { 2 };
        service.eachUnclaimed(programmeId, year, village, r -> {
            ws.value(row[0], 0, r.villageName());
            ws.value(row[0], 1, r.householdNo());
            ws.value(row[0], 2, r.name());
            ws.value(row[0], 3, r.idMasked());
            ws.value(row[0], 4, r.categoryLabel());
            ws.value(row[0], 5, r.fact());
            ws.value(row[0], 6, r.amount());
            ws.value(row[0], 7, r.amountRule());
            row[0]++;
        });
        title[0] = countyName + (year == null ? "" : year + "年") + programme.name() + "应享未享名单";
        ws.value(0, 0, title[0] + "（共 " + (row[0] - 2) + " 人）");
        ws.style(0, 0).bold().fontSize(14).set();
        for (int c = 0; c < HEADERS.length; c++) {
            ws.value(1, c, HEADERS[c]);
            ws.style(1, c).bold().fillColor("DDEBF7").set();
        }
        ws.freezePane(0, 2);
        wb.finish();
        return title[0];
    }
}
