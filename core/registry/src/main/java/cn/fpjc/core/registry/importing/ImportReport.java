package cn.fpjc.core.registry.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The import's result as xlsx: 行号, 处理结果 and 说明 beside the row's cells as the user gave them (ID numbers
 * masked). Streamed a few thousand rows at a time, so a million-row report needs no more memory than a small one.
 */
final class ImportReport {
    private static final int CHUNK = 5000;
    private static final String[] LEAD = { "原文件行号", "处理结果", "说明" };

    private ImportReport() {
    }

    static void write(ImportStaging staging, ImportJobView job, List<String> header, boolean onlyProblems, OutputStream out)
            throws IOException, SQLException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("导入结果");
        ws.value(0, 0, "导入结果：" + job.fileName() + "（任务" + job.id() + "，" + job.statusLabel() + "）；共" + job.rowsRead() + "行，"
                + job.rowsWithErrors() + "行有错误");
        ws.style(0, 0).bold().set();
        for (int i = 0; i < LEAD.length; i++) {
            ws.value(1, i, LEAD[i]);
            ws.style(1, i).bold().fillColor("DDEBF7").set();
        }
        for (int i = 0; i < header.size(); i++) {
            ws.value(1, LEAD.length + i, header.get(i));
            ws.style(1, LEAD.length + i).bold().fillColor("EDEDED").set();
        }
        ws.freezePane(3, 2);
        ws.width(1, 10);
        ws.width(2, 60);
        int line = 2;
        int after = 0;
        boolean written = "DONE".equals(job.status());
        while (true) {
            List<ImportStaging.ReportRow> rows = staging.report(after, CHUNK, onlyProblems, written, job.comparedWithRegistry());
            for (ImportStaging.ReportRow r : rows) {
                ws.value(line, 0, r.rowNo());
                ws.value(line, 1, r.outcome());
                if (r.message() != null) {
                    ws.value(line, 2, r.message());
                }
                if ("错误".equals(r.outcome()) || "未导入".equals(r.outcome())) {
                    ws.style(line, 1).fontColor("C00000").bold().set();
                    ws.style(line, 2).fontColor("C00000").set();
                }
                String[] cells = r.cells() == null ? new String[0] : r.cells().split("\t", -1);
                for (int i = 0; i < cells.length; i++) {
                    if (!cells[i].isEmpty()) {
                        ws.value(line, LEAD.length + i, cells[i]);
                    }
                }
                line++;
                after = r.rowNo();
            }
            ws.flush();
            if (rows.size() < CHUNK) {
                break;
            }
        }
        wb.finish();
    }
}
