package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.assistance.loan.LoanRequests.LedgerRow;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRepaymentInput;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDelinquency;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDueItem;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDueList;
import cn.fpjc.core.assistance.loan.LoanViews.LoanLedgerReport;
import cn.fpjc.core.assistance.loan.LoanViews.LoanLedgerRowResult;
import cn.fpjc.core.assistance.loan.LoanViews.LoanScanView;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.IdNumber;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.PersonalDataCipher;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The loan book as a whole: the delinquency scan (nightly through {@link LoanDelinquencyJob}, or on request) with the
 * county overdue rate against loan.micro.overdue-rate-max; the bank ledger import with a row-by-row answer; the monthly
 * repayment reminders (loan.micro.repayment-reminder-interval-months) and the post-loan supervision due
 * (loan.micro.supervision-interval-months), both listed only where the province sets the interval.
 */
@ApplicationScoped
public class LoanBookService {
    static final String RATE_LIMIT = "loan.micro.overdue-rate-max";
    static final String REMINDER_INTERVAL = "loan.micro.repayment-reminder-interval-months";
    static final String SUPERVISION_INTERVAL = "loan.micro.supervision-interval-months";
    static final int MAX_LEDGER_ROWS = 5000;
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    @Inject
    AppClock clock;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    LoanService loans;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    AuditLog audit;

    @Inject
    FileLimits fileLimits;

    /**
     * Recomputes every running loan's delinquency on the county's today and records the county figures: outstanding principal,
     * the outstanding principal of loans with anything past due, the rate and whether it is above the limit. Runs in the
     * caller's transaction with the tenant bound (request or job).
     *
     * <p>Set-based, so that the nightly run stays proportional to the book: the running loans are read as values and locked
     * until the scan commits (a repayment or renewal meanwhile waits for it, then finds the loan's new version, as when the
     * scan wrote entities), their instalments already due come in one ordered query, {@link Delinquency#of} decides each
     * loan as {@link LoanService#refreshDelinquency} does, and only the loans whose state changed are written, in bulk
     * updates per state (version incremented, as an entity update would).
     */
    @Transactional
    public LoanScanView scan(TenantInfo tenant, String trigger) {
        LocalDate today = clock.today();
        EffectiveParameter limit = parameters.resolve(tenant.provinceId(), tenant.code(), RATE_LIMIT, today.getYear());
        EntityManager em = Loan.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> running = em.createNativeQuery("SELECT id, amount - principal_repaid, principal_repaid + interest_repaid, overdue_since,"
                + " overdue_days, overdue_bucket, delinquency_on FROM loan WHERE status = :status AND product_code = :product ORDER BY id FOR UPDATE")
                .setParameter("status", LoanStatus.DISBURSED.name()).setParameter("product", LoanProducts.MICRO).getResultList();
        Map<Long, List<Delinquency.Due>> due = new HashMap<>(running.size() * 2);
        try (Stream<Object[]> rows = em.createQuery("select i.loanId, i.dueOn, i.principal + i.interest from LoanInstalment i join Loan l"
                + " on l.id = i.loanId where l.status = :status and l.productCode = :product and i.dueOn < :today order by i.loanId, i.seq",
                Object[].class).setParameter("status", LoanStatus.DISBURSED).setParameter("product", LoanProducts.MICRO)
                .setParameter("today", today).getResultStream()) {
            rows.forEach(r -> due.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new Delinquency.Due((LocalDate) r[1], (BigDecimal) r[2])));
        }
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        int[] buckets = new int[DelinquencyBucket.values().length];
        Map<Delinquency.State, List<Long>> changed = new HashMap<>();
        for (Object[] r : running) {
            long id = ((Number) r[0]).longValue();
            BigDecimal owed = (BigDecimal) r[1];
            Delinquency.State s = Delinquency.of(due.getOrDefault(id, List.of()), (BigDecimal) r[2], today);
            int days = (int) Math.min(Integer.MAX_VALUE, s.daysOverdue());
            outstanding = outstanding.add(owed);
            if (days > 0) {
                overdue = overdue.add(owed);
            }
            buckets[s.bucket().ordinal()]++;
            if (!Objects.equals(s.overdueSince(), dateColumn(r[3])) || days != ((Number) r[4]).intValue() || !s.bucket().name().equals(r[5])
                    || !today.equals(dateColumn(r[6]))) {
                changed.computeIfAbsent(s, k -> new ArrayList<>()).add(id);
            }
        }
        for (Map.Entry<Delinquency.State, List<Long>> e : changed.entrySet()) {
            List<Long> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += 1000) {
                em.createQuery("update Loan set overdueSince = :since, overdueDays = :days, overdueBucket = :bucket, delinquencyOn = :today,"
                        + " version = version + 1 where id in :ids").setParameter("since", e.getKey().overdueSince())
                        .setParameter("days", (int) Math.min(Integer.MAX_VALUE, e.getKey().daysOverdue())).setParameter("bucket", e.getKey().bucket())
                        .setParameter("today", today).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).executeUpdate();
            }
        }
        LoanScan s = new LoanScan();
        s.triggerKind = trigger;
        s.scannedOn = today;
        s.loans = running.size();
        s.outstanding = outstanding.setScale(2);
        s.overdue = overdue.setScale(2);
        s.overdueRate = Delinquency.rate(overdue, outstanding);
        boolean hasLimit = limit.origin() != ParameterOrigin.NOT_SET;
        s.rateLimit = hasLimit ? new BigDecimal(limit.value()).setScale(2, java.math.RoundingMode.HALF_UP) : null;
        s.rateLimitSource = hasLimit ? cut(limit.label() + "：不超过" + limit.value() + "%（" + limit.citation() + "）", 1000) : null;
        s.exceeded = hasLimit && Delinquency.exceeds(overdue, outstanding, s.rateLimit);
        s.days1to30 = buckets[DelinquencyBucket.DAYS_1_30.ordinal()];
        s.days31to90 = buckets[DelinquencyBucket.DAYS_31_90.ordinal()];
        s.days91to180 = buckets[DelinquencyBucket.DAYS_91_180.ordinal()];
        s.over180 = buckets[DelinquencyBucket.OVER_180.ordinal()];
        s.createdAt = clock.now();
        s.persist();
        LoanScan.flush();
        return view(s);
    }

    /** County staff recompute now (e.g. after importing the bank's ledger); the nightly job does it by itself. */
    @Transactional
    public LoanScanView scanNow() {
        user.requireAnyRole(LoanService.COUNTY_STAFF);
        return scan(access.current(), "REQUEST");
    }

    /** The latest scan's county figures and the overdue loans in the caller's scope, longest overdue first. */
    @Transactional
    public LoanDelinquency latest(int limit) {
        user.requireAnyRole(LoanService.READERS);
        LoanScan s = LoanScan.find("", Sort.descending("id")).firstResult();
        List<LoanViews.LoanSummary> overdue = Loan.<Loan>find("status = ?1 and overdueDays > 0 and villageCode like ?2",
                Sort.descending("overdueDays").and("id"), LoanStatus.DISBURSED, OrgScope.likePrefix(user.orgCode()))
                .page(0, Math.min(Math.max(limit, 1), 1000)).list().stream().map(LoanService::summary).toList();
        return new LoanDelinquency(s == null ? null : view(s), overdue);
    }

    /**
     * The bank's ledger of repayments (.csv or .xlsx as {@link LedgerFiles} reads it; the API and the page both upload it
     * here), row by row: each row matched by 合同编号 to a disbursed loan, the 身份证号 checked against the borrower, and
     * recorded as a repayment — or refused with the reason in Chinese. A row already imported (same 流水号 for the loan, or
     * without one the same date and amounts) is refused, so a ledger can be imported again.
     */
    @Transactional
    public LoanLedgerReport importLedger(java.nio.file.Path file, String fileName) {
        user.requireAnyRole(LoanService.COUNTY_STAFF);
        if (file == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_MISSING);
        }
        return importLedger(LedgerFiles.read(file, fileName, fileLimits));
    }

    private LoanLedgerReport importLedger(List<LedgerRow> rows) {
        LocalDate today = clock.today();
        List<LoanLedgerRowResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<Long, BigDecimal> principalIn = new HashMap<>();
        for (LedgerRow r : rows) {
            String reason = null;
            String contract = blank(r.contractNo());
            Loan l = null;
            LocalDate paidOn = null;
            BigDecimal principal = null;
            BigDecimal interest = null;
            if (contract == null) {
                reason = "缺少合同编号";
            } else if ((l = Loan.find("contractNo", contract).firstResult()) == null) {
                reason = "系统中没有合同编号为" + contract + "的已放款贷款";
            } else if (l.status != LoanStatus.DISBURSED) {
                reason = "该笔贷款" + l.status.label() + "，不能登记还款";
            }
            if (reason == null) {
                reason = borrowerProblem(l, r.idNumber(), today);
            }
            if (reason == null) {
                paidOn = date(r.paidOn(), r.paidOnNumeric());
                if (paidOn == null) {
                    reason = "还款日期无法识别（例：2024-01-31）";
                } else if (paidOn.isAfter(today) || paidOn.isBefore(l.disbursedOn)) {
                    reason = "还款日期" + paidOn + "早于放款日期或晚于今天";
                }
            }
            if (reason == null) {
                principal = money(r.principal());
                interest = money(r.interest());
                if (principal == null || interest == null || principal.add(interest).signum() <= 0) {
                    reason = "还款本金、利息应为不为负的金额（元，最多两位小数），合计大于0";
                }
            }
            String key = null;
            if (reason == null) {
                String ref = blank(r.reference());
                key = ref != null ? (ref.length() > 100 ? ref.substring(0, 100) : ref)
                        : "行:" + paidOn + "/" + principal.toPlainString() + "/" + interest.toPlainString();
                if (!seen.add(l.id + "|" + key) || LoanRepayment.count("loanId = ?1 and ledgerKey = ?2", l.id, key) > 0) {
                    reason = "该还款记录已导入过（" + (ref != null ? "流水号" + ref : "同一日期和金额") + "）";
                } else if (principal.compareTo(l.outstanding()) > 0) {
                    reason = "还款本金" + principal.toPlainString() + "元超过贷款余额" + l.outstanding().toPlainString() + "元";
                }
            }
            if (reason != null) {
                results.add(new LoanLedgerRowResult(r.row(), contract, false, reason));
                continue;
            }
            LoanRepayment rep = loans.repayment(l, new LoanRepaymentInput(paidOn, principal, interest, "银行台账第" + r.row() + "行"), "LEDGER", key);
            loans.apply(l, rep);
            l.updatedAt = clock.now();
            principalIn.merge(l.id, principal, BigDecimal::add);
            results.add(new LoanLedgerRowResult(r.row(), contract, true, "已登记还款：本金" + principal.toPlainString() + "元，利息" + interest.toPlainString() + "元"));
        }
        Loan.flush();
        int accepted = (int) results.stream().filter(LoanLedgerRowResult::accepted).count();
        LoanLedgerReport report = new LoanLedgerReport(results.size(), accepted, results.size() - accepted, results);
        audit.record("IMPORT", "loan_ledger", String.valueOf(today), null, Map.of("rows", report.rows(), "accepted", accepted,
                "loans", principalIn.keySet()));
        return report;
    }

    private String borrowerProblem(Loan l, String raw, LocalDate today) {
        String id = blank(raw);
        if (id == null) {
            return "缺少身份证号";
        }
        try {
            IdNumber parsed = IdNumber.parse(id, today);
            Member m = Member.findById(l.memberId);
            if (m == null || !Arrays.equals(m.idHash, cipher.lookupHash(parsed))) {
                return "身份证号与该合同的借款人不一致";
            }
            return null;
        } catch (IdNumber.Invalid e) {
            return "身份证号无效：" + e.getMessage();
        }
    }

    /** Repayments coming up: running loans in scope with an instalment not yet covered that falls due within the interval, or is past due. */
    @Transactional
    public LoanDueList reminders(int limit) {
        user.requireAnyRole(LoanService.READERS);
        TenantInfo t = access.current();
        LocalDate today = clock.today();
        EffectiveParameter p = parameters.resolve(t.provinceId(), t.code(), REMINDER_INTERVAL, today.getYear());
        if (p.origin() == ParameterOrigin.NOT_SET) {
            return new LoanDueList(null, "本省未设定「" + p.label() + "」，不生成还款提醒", List.of());
        }
        int months = Integer.parseInt(p.value());
        LocalDate horizon = today.plusMonths(months);
        List<LoanDueItem> items = new ArrayList<>();
        for (Loan l : running()) {
            BigDecimal paid = l.principalRepaid.add(l.interestRepaid);
            BigDecimal cumulative = BigDecimal.ZERO;
            for (LoanInstalment i : LoanInstalment.<LoanInstalment>list("loanId", Sort.by("seq"), l.id)) {
                cumulative = cumulative.add(i.principal).add(i.interest);
                if (paid.compareTo(cumulative) < 0) {
                    if (!i.dueOn.isAfter(horizon)) {
                        items.add(new LoanDueItem(LoanService.summary(l), i.dueOn, cumulative.subtract(paid).min(i.principal.add(i.interest)),
                                Due.state(i.dueOn, today)));
                    }
                    break;
                }
            }
        }
        items.sort(java.util.Comparator.comparing(LoanDueItem::dueOn));
        return new LoanDueList(months, p.label() + "：" + months + "个月（" + p.citation() + "）", items.subList(0, Math.min(items.size(), Math.max(1, limit))));
    }

    /** Post-loan supervision due: running loans in scope, the last supervision (or the disbursement) plus the interval. */
    @Transactional
    public LoanDueList supervisionDue(int limit) {
        user.requireAnyRole(LoanService.READERS);
        TenantInfo t = access.current();
        LocalDate today = clock.today();
        EffectiveParameter p = parameters.resolve(t.provinceId(), t.code(), SUPERVISION_INTERVAL, today.getYear());
        if (p.origin() == ParameterOrigin.NOT_SET) {
            return new LoanDueList(null, "本省未设定「" + p.label() + "」，不生成贷后监管提醒", List.of());
        }
        int months = Integer.parseInt(p.value());
        List<LoanDueItem> items = new ArrayList<>();
        for (Loan l : running()) {
            LocalDate last = LoanSupervision.getEntityManager().createQuery("select max(s.supervisedOn) from LoanSupervision s where s.loanId = :l",
                    LocalDate.class).setParameter("l", l.id).getSingleResult();
            LocalDate due = (last == null ? l.disbursedOn : last).plusMonths(months);
            items.add(new LoanDueItem(LoanService.summary(l), due, null, Due.state(due, today)));
        }
        items.sort(java.util.Comparator.comparing(LoanDueItem::dueOn));
        return new LoanDueList(months, p.label() + "：" + months + "个月（" + p.citation() + "）", items.subList(0, Math.min(items.size(), Math.max(1, limit))));
    }

    private List<Loan> running() {
        return Loan.list("status = ?1 and villageCode like ?2", Sort.by("id"), LoanStatus.DISBURSED, OrgScope.likePrefix(user.orgCode()));
    }

    static LoanScanView view(LoanScan s) {
        return new LoanScanView(s.id, s.triggerKind, s.scannedOn, s.loans, s.outstanding, s.overdue, s.overdueRate, s.rateLimit, s.rateLimitSource,
                s.exceeded, s.days1to30, s.days31to90, s.days91to180, s.over180);
    }

    /** A DATE column from a native query (the driver's java.sql.Date, or already a LocalDate). */
    private static LocalDate dateColumn(Object column) {
        return column instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) column;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Blank is 0; otherwise yuan with at most 2 decimals (thousands separators allowed), not negative. */
    static BigDecimal money(String text) {
        String t = blank(text);
        if (t == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        try {
            BigDecimal v = new BigDecimal(t.replace(",", "").replace("，", ""));
            v = v.stripTrailingZeros();
            if (v.signum() < 0 || v.scale() > 2 || v.compareTo(LoanService.MAX_AMOUNT_INPUT) > 0) {
                return null;
            }
            return v.setScale(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 2024-01-31, 2024/1/31, 2024年1月31日, 20240131, or an Excel date serial number. */
    static LocalDate date(String text, boolean numeric) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            if (numeric || t.matches("\\d{5}(\\.\\d+)?")) {
                double serial = Double.parseDouble(t);
                return serial >= 1 && serial < 100000 ? LocalDate.of(1899, 12, 30).plusDays((long) serial) : null;
            }
            if (t.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(6)));
            }
            Matcher m = DATE.matcher(t);
            return m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))) : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
