package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.assistance.loan.LoanRequests.LedgerRow;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.HeaderTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bank's loan ledger as it comes out of its system: .csv (UTF-8 or GBK) or .xlsx with a header row naming 合同编号,
 * 身份证号 and 还款日期 (required), 还款本金, 还款利息 and 流水号 in any order. Each row keeps its row number for the report.
 */
final class LedgerFiles {
    static final Map<String, String> HEADERS = Map.of("合同编号", "contract", "借款合同编号", "contract", "身份证号", "id", "借款人身份证号", "id",
            "还款日期", "date", "还款本金", "principal", "还款利息", "interest", "流水号", "ref", "交易流水号", "ref");

    static final HeaderTable.Spec SPEC = new HeaderTable.Spec("bank ledger file", HEADERS, List.of("contract", "id", "date"),
            "第一行应为表头，且须有“合同编号”“身份证号”“还款日期”列（可选：还款本金、还款利息、流水号）", LoanBookService.MAX_LEDGER_ROWS,
            "一次最多导入" + LoanBookService.MAX_LEDGER_ROWS + "行，请分批", "没有导入任何还款记录");

    private LedgerFiles() {
    }

    static List<LedgerRow> read(Path file, String fileName, FileLimits limits) {
        List<LedgerRow> rows = new ArrayList<>();
        HeaderTable.read(file, fileName, limits, SPEC, r -> rows.add(new LedgerRow(r.rowNo(), r.text("contract"), r.text("id"), r.text("date"),
                r.numeric("date"), r.text("principal"), r.text("interest"), r.text("ref"))));
        return rows;
    }
}
