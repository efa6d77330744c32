package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.assistance.payment.PaymentViews.Ledger;
import cn.fpjc.core.assistance.payment.PaymentViews.LedgerRow;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.registry.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 发放台账 and reconciliation per programme, year and village. Each payment owed counts once: a failed payment that was
 * re-issued is counted by its re-issue (its own line shows only in {@code reissued}); cancelled instructions are not
 * counted. Reconciliation: 待回盘 while the bank has not answered for a released payment, 有失败待补发 while a failed one is
 * not re-issued, 待拨付 while one is not released, else 已对账. Sums are exact (no rounding: amounts are stored to the fen).
 */
@ApplicationScoped
public class PaymentLedgerService {
    @Inject
    CurrentUser user;

    private record Key(String programmeId, int year, String village) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = programmeId.compareTo(o.programmeId);
            c = c != 0 ? c : Integer.compare(year, o.year);
            return c != 0 ? c : village.compareTo(o.village);
        }
    }

    private static final class Sums {
        final java.util.Set<Long> beneficiaries = new java.util.HashSet<>();
        int payments;
        BigDecimal owed = BigDecimal.ZERO.setScale(2);
        int paid;
        BigDecimal paidAmount = BigDecimal.ZERO.setScale(2);
        int awaiting;
        BigDecimal awaitingAmount = BigDecimal.ZERO.setScale(2);
        int pending;
        BigDecimal pendingAmount = BigDecimal.ZERO.setScale(2);
        int failed;
        BigDecimal failedAmount = BigDecimal.ZERO.setScale(2);
        int reissued;

        void add(long member, InstructionStatus status, boolean reissuedAlready, int count, BigDecimal amount) {
            if (status == InstructionStatus.FAILED && reissuedAlready) {
                reissued += count;
                return;
            }
            beneficiaries.add(member);
            payments += count;
            owed = owed.add(amount);
            switch (status) {
                case PAID -> {
                    paid += count;
                    paidAmount = paidAmount.add(amount);
                }
                case SENT -> {
                    awaiting += count;
                    awaitingAmount = awaitingAmount.add(amount);
                }
                case PENDING -> {
                    pending += count;
                    pendingAmount = pendingAmount.add(amount);
                }
                case FAILED -> {
                    failed += count;
                    failedAmount = failedAmount.add(amount);
                }
                default -> {
                }
            }
        }

        String reconciliation() {
            return awaiting > 0 ? "待回盘" : failed > 0 ? "有失败待补发" : pending > 0 ? "待拨付" : "已对账";
        }
    }

    /**
     * The ledger, filtered by programme, year and village (a village or township code, as a prefix); rows by programme,
     * year and village, and their total.
     */
    @Transactional
    public Ledger ledger(String programmeId, Integer year, String village) {
        user.requireAnyRole(PaymentService.READERS);
        StringBuilder sql = new StringBuilder("SELECT programme_id, SUBSTRING(period, 1, 4), village_code, member_id, status,"
                + " reissued_as_id IS NOT NULL, COUNT(*), SUM(amount) FROM payment_instruction WHERE status <> 'CANCELLED'");
        List<Object> params = new ArrayList<>();
        if (programmeId != null && !programmeId.isBlank()) {
            params.add(programmeId.strip());
            sql.append(" AND programme_id = ?").append(params.size());
        }
        if (year != null) {
            if (year < 2000 || year > 2099) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("year", "年份应在2000—2099之间")));
            }
            params.add(year + "%");
            sql.append(" AND period LIKE ?").append(params.size());
        }
        if (village != null && !village.isBlank()) {
            if (!village.strip().matches("\\d{6,12}")) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("village", "村或乡镇代码应为数字")));
            }
            String v = village.strip();
            params.add((v.length() == 12 && v.endsWith("000") ? v.substring(0, 9) : v) + "%");
            sql.append(" AND village_code LIKE ?").append(params.size());
        }
        sql.append(" GROUP BY 1, 2, 3, 4, 5, 6");
        var query = PaymentInstruction.getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        Map<Key, Sums> sums = new TreeMap<>();
        Sums total = new Sums();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            Key k = new Key((String) r[0], Integer.parseInt((String) r[1]), (String) r[2]);
            long member = ((Number) r[3]).longValue();
            InstructionStatus status = InstructionStatus.valueOf((String) r[4]);
            boolean reissued = ((Number) r[5]).intValue() != 0;
            int count = ((Number) r[6]).intValue();
            BigDecimal amount = ((BigDecimal) r[7]).setScale(2);
            sums.computeIfAbsent(k, x -> new Sums()).add(member, status, reissued, count, amount);
            total.add(member, status, reissued, count, amount);
        }
        Map<String, String> names = PaymentBatch.getEntityManager()
                .createQuery("select b.programmeId, max(b.programmeName) from PaymentBatch b group by b.programmeId", Object[].class)
                .getResultList().stream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
        Map<String, String> villages = RegistryService.villageNames(sums.keySet().stream().map(Key::village).collect(Collectors.toSet()));
        List<LedgerRow> rows = sums.entrySet().stream().map(e -> row(e.getKey().programmeId(), names.get(e.getKey().programmeId()),
                e.getKey().year(), e.getKey().village(), villages.get(e.getKey().village()), e.getValue())).toList();
        return new Ledger(rows, row(null, "合计", year == null ? 0 : year, null, null, total));
    }

    private static LedgerRow row(String programmeId, String programmeName, int year, String village, String villageName, Sums s) {
        return new LedgerRow(programmeId, programmeName, year, village, villageName, s.beneficiaries.size(), s.payments, s.owed, s.paid,
                s.paidAmount, s.awaiting, s.awaitingAmount, s.pending, s.pendingAmount, s.failed, s.failedAmount, s.reissued,
                s.reconciliation());
    }

    static final String[] HEADERS = { "项目", "年度", "村代码", "村", "发放对象数", "应发笔数", "应发金额（元）", "已入账笔数", "已入账金额（元）",
            "待回盘笔数", "待回盘金额（元）", "待拨付笔数", "待拨付金额（元）", "失败待补发笔数", "失败待补发金额（元）", "已补发的失败笔数", "对账状态" };

    /** The same ledger as an xlsx workbook (fastexcel, text cells formula-safe). */
    public void write(Ledger ledger, String title, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("发放台账");
        BankFiles.text(ws, 0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        for (int c = 0; c < HEADERS.length; c++) {
            ws.value(1, c, HEADERS[c]);
            ws.style(1, c).bold().fillColor("DDEBF7").set();
        }
        int r = 2;
        List<LedgerRow> all = new ArrayList<>(ledger.rows());
        all.add(ledger.total());
        for (LedgerRow x : all) {
            BankFiles.text(ws, r, 0, x.programmeName() == null ? x.programmeId() : x.programmeName());
            if (x.year() > 0) {
                ws.value(r, 1, x.year());
            }
            BankFiles.text(ws, r, 2, x.villageCode());
            BankFiles.text(ws, r, 3, x.villageName());
            Object[] figures = { x.beneficiaries(), x.payments(), x.owed(), x.paid(), x.paidAmount(), x.awaiting(), x.awaitingAmount(),
                    x.pending(), x.pendingAmount(), x.failed(), x.failedAmount(), x.reissued() };
            for (int k = 0; k < figures.length; k++) {
                ws.value(r, 4 + k, (Number) figures[k]);
                if (figures[k] instanceof BigDecimal) {
                    ws.style(r, 4 + k).format("0.00").set();
                }
            }
            BankFiles.text(ws, r, 16, x.reconciliation());
            r++;
        }
        wb.finish();
    }
}
