package cn.fpjc.core.funds.spending;

import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.funds.project.ProjectStatus;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 资金支出台账 of a fund year: one row per funding line (project, source, 文号, amount, paid, voucher numbers, last payment
 * date), then every payment and reversal on a second sheet. Projects, documents and vouchers only: no person appears,
 * so no ID number can. Sums exact to the fen (amounts are stored to the fen).
 */
@ApplicationScoped
public class SpendingLedger {
    @Inject
    CurrentUser user;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FundSpendingLedgerLine")
    public record Line(long projectId, String project, String status, String source, String docNumber, BigDecimal amount, BigDecimal paid,
            String vouchers, LocalDate lastPaidOn) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FundSpendingLedgerEntry")
    public record Entry(String project, String source, String docNumber, LocalDate paidOn, String voucherNo, BigDecimal amount, String payee,
            String kind) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FundSpendingLedger")
    public record Ledger(int year, List<Line> lines, List<Entry> entries, BigDecimal amount, BigDecimal paid) {
    }

    @Transactional
    public Ledger ledger(int year) {
        user.requireAnyRole(SpendingService.COUNTY_READERS);
        if (year < 2000 || year > 2099) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("year", "年份应在2000—2099之间")));
        }
        var em = FundPayment.getEntityManager();
        List<Line> lines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        for (Object o : em.createNativeQuery("SELECT pr.id, pr.name, pr.status, f.source, a.doc_number, f.amount, COALESCE(SUM(p.amount), 0),"
                + " GROUP_CONCAT(p.voucher_no ORDER BY p.paid_on, p.id SEPARATOR '、'), MAX(p.paid_on)"
                + " FROM fund_project_funding f JOIN fund_allocation a ON a.id = f.allocation_id JOIN fund_project pr ON pr.id = f.project_id"
                + " LEFT JOIN fund_payment p ON p.funding_id = f.id WHERE a.year = ?1"
                + " GROUP BY pr.id, pr.name, pr.status, f.id, f.source, a.doc_number, f.amount ORDER BY pr.id, f.id").setParameter(1, year).getResultList()) {
            Object[] r = (Object[]) o;
            Line l = new Line(((Number) r[0]).longValue(), (String) r[1], ProjectStatus.valueOf((String) r[2]).label(),
                    FundSource.valueOf((String) r[3]).label(), (String) r[4], ((BigDecimal) r[5]).setScale(2), ((BigDecimal) r[6]).setScale(2),
                    (String) r[7], r[8] == null ? null : r[8] instanceof Date d ? d.toLocalDate() : (LocalDate) r[8]);
            lines.add(l);
            amount = amount.add(l.amount());
            paid = paid.add(l.paid());
        }
        List<Entry> entries = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT pr.name, p.source, a.doc_number, p.paid_on, p.voucher_no, p.amount, p.payee, p.reverses_id"
                + " FROM fund_payment p JOIN fund_allocation a ON a.id = p.allocation_id JOIN fund_project pr ON pr.id = p.project_id"
                + " WHERE a.year = ?1 ORDER BY p.paid_on, p.id").setParameter(1, year).getResultList()) {
            Object[] r = (Object[]) o;
            entries.add(new Entry((String) r[0], FundSource.valueOf((String) r[1]).label(), (String) r[2],
                    r[3] instanceof Date d ? d.toLocalDate() : (LocalDate) r[3], (String) r[4], ((BigDecimal) r[5]).setScale(2), (String) r[6],
                    r[7] == null ? "支付" : "冲销"));
        }
        return new Ledger(year, lines, entries, amount, paid);
    }

    static final String[] LINE_HEADERS = { "项目", "项目状态", "资金来源", "指标文件文号", "安排金额（元）", "已支付（元）", "凭证号", "最近支付日期" };
    static final String[] ENTRY_HEADERS = { "支付日期", "项目", "资金来源", "指标文件文号", "凭证号", "金额（元）", "收款单位", "类型" };

    /** The ledger as an xlsx workbook (fastexcel; text cells made formula-safe). */
    public void write(Ledger ledger, String title, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("资金支出台账");
        text(ws, 0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        headers(ws, LINE_HEADERS);
        int r = 2;
        for (Line l : ledger.lines()) {
            text(ws, r, 0, l.project());
            text(ws, r, 1, l.status());
            text(ws, r, 2, l.source());
            text(ws, r, 3, l.docNumber());
            money(ws, r, 4, l.amount());
            money(ws, r, 5, l.paid());
            text(ws, r, 6, l.vouchers());
            if (l.lastPaidOn() != null) {
                text(ws, r, 7, l.lastPaidOn().toString());
            }
            r++;
        }
        text(ws, r, 0, "合计");
        ws.style(r, 0).bold().set();
        money(ws, r, 4, ledger.amount());
        money(ws, r, 5, ledger.paid());
        Worksheet detail = wb.newWorksheet("支出明细");
        text(detail, 0, 0, title + "（明细）");
        detail.style(0, 0).bold().fontSize(14).set();
        headers(detail, ENTRY_HEADERS);
        r = 2;
        for (Entry e : ledger.entries()) {
            text(detail, r, 0, e.paidOn().toString());
            text(detail, r, 1, e.project());
            text(detail, r, 2, e.source());
            text(detail, r, 3, e.docNumber());
            text(detail, r, 4, e.voucherNo());
            money(detail, r, 5, e.amount());
            text(detail, r, 6, e.payee());
            text(detail, r, 7, e.kind());
            r++;
        }
        wb.finish();
    }

    private static void headers(Worksheet ws, String[] headers) {
        for (int c = 0; c < headers.length; c++) {
            ws.value(1, c, headers[c]);
            ws.style(1, c).bold().fillColor("DDEBF7").set();
        }
    }

    private static void money(Worksheet ws, int r, int c, BigDecimal v) {
        ws.value(r, c, v);
        ws.style(r, c).format("0.00").set();
    }

    /** Text that a spreadsheet would read as a formula gets a leading apostrophe. */
    static void text(Worksheet ws, int r, int c, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        char first = value.charAt(0);
        ws.value(r, c, first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value);
    }
}
