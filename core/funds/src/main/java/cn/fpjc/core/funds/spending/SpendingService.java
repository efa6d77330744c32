package cn.fpjc.core.funds.spending;

import cn.fpjc.core.funds.allocation.FundAllocation;
import cn.fpjc.core.funds.project.Project;
import cn.fpjc.core.funds.project.ProjectFunding;
import cn.fpjc.core.funds.project.ProjectStatus;
import cn.fpjc.core.funds.spending.SpendingViews.FundingLine;
import cn.fpjc.core.funds.spending.SpendingViews.PaymentInput;
import cn.fpjc.core.funds.spending.SpendingViews.PaymentView;
import cn.fpjc.core.funds.spending.SpendingViews.ProjectPayments;
import cn.fpjc.core.funds.spending.SpendingViews.ReversalInput;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.files.Scans;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 资金支出: payments from a project's funding lines once it is approved (立项批复) and until its audit, each with a voucher
 * number unique in the project and optionally the scanned voucher; corrections are reversal records, nothing is deleted.
 * The sum paid from a line never exceeds the line: the line's row is locked (SELECT … FOR UPDATE) before the sum is read,
 * so two payments racing for the same line are serialised by the database. Source: 000 衔接资金使用管理 一、4.
 */
@ApplicationScoped
public class SpendingService {
    /** Who records payments and reversals. */
    public static final String[] PAYERS = { Roles.COUNTY_FINANCE, Roles.COUNTY_ADMIN };
    /** Who reads a project's payments (a township reviewer only for the township's projects). */
    public static final String[] READERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.COUNTY_FINANCE, Roles.DEPARTMENT,
            Roles.TOWNSHIP_REVIEWER };
    /** Who reads the county-wide progress and ledger. */
    public static final String[] COUNTY_READERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.COUNTY_FINANCE, Roles.DEPARTMENT };
    static final Set<ProjectStatus> PAYABLE = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.COMPLETED, ProjectStatus.AUDITED);
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    /** Records a payment from one of the project's funding lines. */
    @Transactional
    public PaymentView pay(long projectId, PaymentInput in) {
        user.requireAnyRole(PAYERS);
        Project p = visible(projectId);
        if (!PAYABLE.contains(p.status)) {
            throw new ApiException(SpendingError.SPENDING_PROJECT_NOT_APPROVED, "项目当前状态：" + p.status.label());
        }
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("fundingId", "请选择资金来源")));
        }
        if (in.fundingId() == null) {
            errors.add(new FieldError("fundingId", "请选择资金来源"));
        }
        BigDecimal amount = in.amount();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new FieldError("amount", "请填写大于0的支付金额（元，最多两位小数）"));
        }
        if (in.paidOn() == null) {
            errors.add(new FieldError("paidOn", "请填写支付日期"));
        }
        String voucherNo = voucherNo(in.voucherNo(), errors);
        Scans.Scan scan = Scans.read(in.voucherBase64(), in.voucherName(), "voucherBase64", errors);
        ApiException.refuseIfAny(errors);
        // The line's row is locked first: a concurrent payment on the same line waits here and then sees this one's sum.
        ProjectFunding line = lockLine(in.fundingId()) ? ProjectFunding.findById(in.fundingId()) : null;
        if (line == null || line.projectId != p.id) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("fundingId", "该项目没有这一资金来源行")));
        }
        if (line.allocationId == null) {
            throw new ApiException(SpendingError.SPENDING_FUNDING_NOT_ALLOCATED, line.source.label());
        }
        FundAllocation a = FundAllocation.findById(line.allocationId);
        checkDate(in.paidOn(), p, a);
        BigDecimal paid = paidFrom(line.id);
        BigDecimal after = paid.add(amount);
        if (after.compareTo(line.amount) > 0) {
            throw new ApiException(SpendingError.SPENDING_EXCEEDS_FUNDING, line.source.label() + "（" + a.docNumber + "）安排 " + yuan(line.amount)
                    + " 元，已支付 " + yuan(paid) + " 元，尚可支付 " + yuan(line.amount.subtract(paid)) + " 元，本次 " + yuan(amount) + " 元");
        }
        FundPayment pay = new FundPayment();
        pay.projectId = p.id;
        pay.fundingId = line.id;
        pay.allocationId = a.id;
        pay.source = line.source;
        pay.amount = amount.setScale(2);
        pay.paidOn = in.paidOn();
        pay.voucherNo = voucherNo;
        pay.payee = trimmed(in.payee(), 200);
        pay.note = trimmed(in.note(), 500);
        pay.createdBy = user.username();
        pay.createdAt = clock.now();
        pay.persistAndFlush();
        if (scan != null) {
            PaymentVoucher v = new PaymentVoucher();
            v.paymentId = pay.id;
            v.name = scan.name();
            v.contentType = scan.type();
            v.sizeBytes = scan.bytes().length;
            v.bytes = scan.bytes();
            v.persist();
        }
        audit.record("PAY", "fund_payment", String.valueOf(pay.id), null, Map.of("project", p.id, "funding", line.id, "amount", pay.amount,
                "voucherNo", pay.voucherNo, "paidOn", pay.paidOn.toString()));
        return views(List.of(pay)).get(0);
    }

    /** Reverses a payment with a record of the negative amount; the original stays as it was. */
    @Transactional
    public PaymentView reverse(long paymentId, ReversalInput in) {
        user.requireAnyRole(PAYERS);
        FundPayment original = FundPayment.findById(paymentId);
        if (original == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "支出记录 " + paymentId);
        }
        Project p = visible(original.projectId);
        if (original.reversesId != null) {
            throw new ApiException(SpendingError.SPENDING_REVERSAL_NOT_REVERSIBLE);
        }
        List<FieldError> errors = new ArrayList<>();
        ReversalInput r = in == null ? new ReversalInput(null, null, null) : in;
        String voucherNo = voucherNo(r.voucherNo(), errors);
        if (r.note() == null || r.note().isBlank()) {
            errors.add(new FieldError("note", "请填写冲销原因"));
        }
        LocalDate on = r.paidOn() == null ? clock.today() : r.paidOn();
        if (on.isBefore(original.paidOn) || on.isAfter(clock.today())) {
            errors.add(new FieldError("paidOn", "冲销日期应在原支付日期（" + original.paidOn + "）之后、今天之前"));
        }
        ApiException.refuseIfAny(errors);
        // Locked like a payment so that the line's sum is read in one order; the unique key on reverses_id refuses a second reversal.
        lockLine(original.fundingId);
        if (FundPayment.count("reversesId", original.id) > 0) {
            throw new ApiException(SpendingError.SPENDING_ALREADY_REVERSED);
        }
        FundPayment rev = new FundPayment();
        rev.projectId = original.projectId;
        rev.fundingId = original.fundingId;
        rev.allocationId = original.allocationId;
        rev.source = original.source;
        rev.amount = original.amount.negate();
        rev.paidOn = on;
        rev.voucherNo = voucherNo;
        rev.payee = original.payee;
        rev.note = trimmed(r.note(), 500);
        rev.reversesId = original.id;
        rev.createdBy = user.username();
        rev.createdAt = clock.now();
        rev.persistAndFlush();
        audit.record("REVERSE", "fund_payment", String.valueOf(rev.id), null, Map.of("project", p.id, "reverses", original.id, "amount",
                rev.amount, "voucherNo", rev.voucherNo));
        return views(List.of(rev)).get(0);
    }

    /** The project's funding lines with paid and remaining, and its payments in the order recorded. */
    @Transactional
    public ProjectPayments payments(long projectId) {
        user.requireAnyRole(READERS);
        Project p = visible(projectId);
        List<ProjectFunding> lines = ProjectFunding.list("projectId = ?1 order by id", p.id);
        Map<Long, FundAllocation> allocations = allocations(lines.stream().map(l -> l.allocationId).filter(x -> x != null).collect(Collectors.toSet()));
        Map<Long, BigDecimal> paid = new HashMap<>();
        for (Object[] r : FundPayment.getEntityManager().createQuery("select p.fundingId, sum(p.amount) from FundPayment p where p.projectId = :p "
                + "group by p.fundingId", Object[].class).setParameter("p", p.id).getResultList()) {
            paid.put((Long) r[0], ((BigDecimal) r[1]).setScale(2));
        }
        List<FundingLine> views = lines.stream().map(l -> {
            FundAllocation a = l.allocationId == null ? null : allocations.get(l.allocationId);
            BigDecimal done = paid.getOrDefault(l.id, BigDecimal.ZERO.setScale(2));
            return new FundingLine(l.id, l.source.name(), l.source.label(), l.allocationId, a == null ? null : a.docNumber,
                    a == null ? null : a.year, l.amount.setScale(2), done, l.amount.subtract(done).setScale(2));
        }).toList();
        return new ProjectPayments(p.id, p.name, p.status.name(), p.status.label(), PAYABLE.contains(p.status), views,
                views(FundPayment.list("projectId = ?1 order by paidOn, id", p.id)));
    }

    /** A payment's scanned voucher. */
    @Transactional
    public Scans.Scan voucher(long paymentId) {
        user.requireAnyRole(READERS);
        FundPayment pay = FundPayment.findById(paymentId);
        if (pay == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "支出记录 " + paymentId);
        }
        visible(pay.projectId);
        PaymentVoucher v = PaymentVoucher.findById(pay.id);
        if (v == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "该笔支出未上传凭证扫描件");
        }
        return new Scans.Scan(v.name, v.contentType, v.bytes);
    }

    /** A project the caller may see: county staff all; a township reviewer those of the township or with a village in it. */
    Project visible(long projectId) {
        Project p = Project.findById(projectId);
        if (p == null || !sees(user.orgCode(), p)) {
            throw new ApiException(PlatformError.NOT_FOUND, "项目 " + projectId);
        }
        return p;
    }

    static boolean sees(String org, Project p) {
        return p.coveredBy(org);
    }

    private void checkDate(LocalDate on, Project p, FundAllocation a) {
        LocalDate today = clock.today();
        if (on.isAfter(today)) {
            throw new ApiException(SpendingError.SPENDING_DATE_INVALID, "支付日期 " + on + " 晚于今天 " + today);
        }
        if (p.approvedOn != null && on.isBefore(p.approvedOn)) {
            throw new ApiException(SpendingError.SPENDING_DATE_INVALID, "支付日期 " + on + " 早于立项批复日期 " + p.approvedOn);
        }
        if (on.isBefore(a.receivedOn)) {
            throw new ApiException(SpendingError.SPENDING_DATE_INVALID, "支付日期 " + on + " 早于资金指标文件 " + a.docNumber + " 的到账日期 " + a.receivedOn);
        }
    }

    /** The funding line's row locked for the rest of the transaction (native: Hibernate's FOR UPDATE OF is not MariaDB's). */
    static boolean lockLine(long fundingId) {
        return !ProjectFunding.getEntityManager().createNativeQuery("SELECT id FROM fund_project_funding WHERE id = ?1 FOR UPDATE")
                .setParameter(1, fundingId).getResultList().isEmpty();
    }

    /**
     * The sum paid from a line as last committed: a locking read, because under REPEATABLE READ a plain read would
     * still see the snapshot taken before the line's lock was granted, and so miss the payment that held it.
     */
    static BigDecimal paidFrom(long fundingId) {
        Object s = FundPayment.getEntityManager().createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM fund_payment WHERE funding_id = ?1 FOR UPDATE")
                .setParameter(1, fundingId).getSingleResult();
        return new BigDecimal(s.toString()).setScale(2);
    }

    static List<PaymentView> views(List<FundPayment> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = rows.stream().map(r -> r.id).collect(Collectors.toSet());
        Map<Long, FundAllocation> allocations = allocations(rows.stream().map(r -> r.allocationId).collect(Collectors.toSet()));
        Map<Long, Long> reversedBy = new HashMap<>();
        for (Object[] r : InLists.list(FundPayment.getEntityManager(), "select p.reversesId, p.id from FundPayment p where p.reversesId in :keys",
                Object[].class, ids)) {
            reversedBy.put((Long) r[0], (Long) r[1]);
        }
        Map<Long, Object[]> vouchers = new HashMap<>();
        for (Object[] r : InLists.list(PaymentVoucher.getEntityManager(), "select v.paymentId, v.name, v.contentType, v.sizeBytes from PaymentVoucher v "
                + "where v.paymentId in :keys", Object[].class, ids)) {
            vouchers.put((Long) r[0], r);
        }
        Map<Long, PaymentView> out = new LinkedHashMap<>();
        for (FundPayment r : rows) {
            FundAllocation a = allocations.get(r.allocationId);
            Object[] v = vouchers.get(r.id);
            out.put(r.id, new PaymentView(r.id, r.projectId, r.fundingId, r.source.name(), r.source.label(), r.allocationId, a.docNumber, a.year,
                    r.amount.setScale(2), r.paidOn, r.voucherNo, r.payee, r.note, r.reversesId, reversedBy.get(r.id), v == null ? null : (String) v[1],
                    v == null ? null : (String) v[2], v == null ? null : (Integer) v[3], r.createdBy, r.createdAt));
        }
        return new ArrayList<>(out.values());
    }

    static Map<Long, FundAllocation> allocations(Set<Long> ids) {
        return InLists.list(FundAllocation.getEntityManager(), "from FundAllocation where id in :keys", FundAllocation.class, ids).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    private static String voucherNo(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("voucherNo", "请填写凭证号"));
            return null;
        }
        if (text.strip().length() > 64) {
            errors.add(new FieldError("voucherNo", "凭证号不超过64个字"));
            return null;
        }
        return text.strip();
    }

    private static String trimmed(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    static String yuan(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
