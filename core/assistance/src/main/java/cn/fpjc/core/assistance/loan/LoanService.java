package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.assistance.loan.LoanRequests.LoanApplicationInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanDecisionInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanDisbursementInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRenewalInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRepaymentInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanSupervisionInput;
import cn.fpjc.core.assistance.loan.LoanRules.LoanFinding;
import cn.fpjc.core.assistance.loan.LoanSchedule.Instalment;
import cn.fpjc.core.assistance.loan.LoanViews.LoanCheck;
import cn.fpjc.core.assistance.loan.LoanViews.LoanInstalmentView;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDetail;
import cn.fpjc.core.assistance.loan.LoanViews.LoanSummary;
import cn.fpjc.core.assistance.loan.LoanViews.LoanRepaymentView;
import cn.fpjc.core.assistance.loan.LoanViews.LoanSupervisionView;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 脱贫人口小额信贷 from application to closing. Who does what:
 * <ul>
 * <li>a village clerk, township reviewer or county staff records an application for a borrower of a household in their scope;</li>
 * <li>the county approver approves or refuses it (the limits are checked again against the household's other loans);</li>
 * <li>county staff (admin, approver) record the disbursement (the bank's contract number), repayments, the one renewal or
 * extension, and import the bank's ledger;</li>
 * <li>village, township and county staff record post-loan supervision in their scope;</li>
 * <li>everyone in the county reads the loans their org unit covers.</li>
 * </ul>
 * The product (limits with their parameter sources) is resolved on the application date and kept with the loan.
 */
@ApplicationScoped
public class LoanService {
    /** Who may do what (the pages offer each form to these roles only; the methods below enforce them). */
    public static final String[] APPLICANTS = {Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER};
    public static final String[] APPROVERS = {Roles.COUNTY_APPROVER};
    public static final String[] COUNTY_STAFF = {Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER};
    public static final String[] SUPERVISORS = APPLICANTS;
    public static final String[] READERS = Roles.COUNTY_ROLES.toArray(String[]::new);
    static final BigDecimal MAX_AMOUNT_INPUT = new BigDecimal("99999999.99");
    static final BigDecimal MAX_RATE_INPUT = new BigDecimal("36");

    @Inject
    AppClock clock;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    LoanProducts products;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    /** The product in force today for the caller's county: every limit with its parameter and source. */
    public LoanProduct product(String code) {
        user.requireAnyRole(READERS);
        TenantInfo t = access.current();
        return products.product(code, t.provinceId(), t.code(), clock.year());
    }

    record Parsed(Member member, Household household, BigDecimal amount, int term, BigDecimal rate, RepaymentMethod method, String purpose,
            LocalDate appliedOn) {
    }

    private Parsed parse(LoanApplicationInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            in = new LoanApplicationInput(null, null, null, null, null, null, null);
        }
        LocalDate today = clock.today();
        if (in.memberId() == null) {
            errors.add(new FieldError("memberId", "请选择借款人（家庭成员）"));
        }
        if (in.amount() == null || in.amount().signum() <= 0 || in.amount().scale() > 2 || in.amount().compareTo(MAX_AMOUNT_INPUT) > 0) {
            errors.add(new FieldError("amount", "请填写贷款金额（元，大于0，最多两位小数）"));
        }
        if (in.termMonths() == null || in.termMonths() < 1 || in.termMonths() > 600) {
            errors.add(new FieldError("termMonths", "请填写贷款期限（月）"));
        }
        if (in.annualRate() == null || in.annualRate().signum() < 0 || in.annualRate().scale() > 4 || in.annualRate().compareTo(MAX_RATE_INPUT) > 0) {
            errors.add(new FieldError("annualRate", "请填写银行给定的年利率（%，0—36，最多四位小数）"));
        }
        RepaymentMethod method = Inputs.required(RepaymentMethod.class, in.repaymentMethod(), "repaymentMethod", "还款方式", errors);
        String purpose = Inputs.blankToNull(in.purpose());
        if (purpose == null || purpose.length() < 2 || purpose.length() > 200) {
            errors.add(new FieldError("purpose", "请填写贷款用途（2—200字，用于发展生产和开展经营）"));
        }
        LocalDate appliedOn = in.appliedOn() == null ? today : in.appliedOn();
        if (appliedOn.isAfter(today) || appliedOn.isBefore(today.minusYears(1))) {
            errors.add(new FieldError("appliedOn", "申请日期应在一年以内且不晚于今天"));
        }
        ApiException.refuseIfAny(errors);
        Member m = Member.findById(in.memberId());
        Household h = m == null ? null : Household.findById(m.householdId);
        if (m == null || !m.active || h == null || !h.active || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "家庭成员");
        }
        return new Parsed(m, h, in.amount(), in.termMonths(), in.annualRate(), method, purpose, appliedOn);
    }

    /** What the rules say of an application, without saving it: each failed rule with its parameter's source, and the schedule. */
    @Transactional
    public LoanCheck check(LoanApplicationInput in) {
        user.requireAnyRole(APPLICANTS);
        Parsed p = parse(in);
        TenantInfo t = access.current();
        LoanProduct product = products.micro(t.provinceId(), t.code(), p.appliedOn().getYear());
        BigDecimal held = held(p.household().id, product.code(), null);
        List<LoanFinding> findings = LoanRules.check(product, application(p, held));
        BigDecimal cap = LoanRules.subsidyCap(product, p.amount(), held);
        BigDecimal share = product.subsidyShare().decimal().setScale(2, java.math.RoundingMode.HALF_UP);
        List<Instalment> s = LoanSchedule.build(p.method(), p.amount(), p.rate(), p.term(), p.appliedOn(), cap, share);
        return new LoanCheck(findings.isEmpty(), findings, LoanRules.ageOn(p.member().birthDate, p.appliedOn()), held, cap, share,
                s.stream().map(LoanService::view).toList(), LoanSchedule.total(s, Instalment::interest), LoanSchedule.total(s, Instalment::subsidy));
    }

    /** Records an application; one that fails a rule is refused (LOAN_NOT_ELIGIBLE) with every failed rule and its source. */
    @Transactional
    public LoanDetail apply(LoanApplicationInput in) {
        user.requireAnyRole(APPLICANTS);
        Parsed p = parse(in);
        TenantInfo t = access.current();
        LoanProduct product = products.micro(t.provinceId(), t.code(), p.appliedOn().getYear());
        lockHousehold(p.household().id);
        BigDecimal held = held(p.household().id, product.code(), null);
        refuseIfAny(LoanRules.check(product, application(p, held)));
        Loan l = new Loan();
        l.productCode = product.code();
        l.householdId = p.household().id;
        l.memberId = p.member().id;
        l.villageCode = p.household().villageCode;
        l.borrowerName = p.member().name;
        l.borrowerIdMasked = p.member().idMasked;
        l.appliedOn = p.appliedOn();
        l.amount = p.amount().setScale(2);
        l.termMonths = p.term();
        l.annualRate = p.rate();
        l.repaymentMethod = p.method();
        l.purpose = p.purpose();
        l.heldBefore = held.setScale(2);
        l.subsidyCap = LoanRules.subsidyCap(product, p.amount(), held);
        l.subsidyShare = product.subsidyShare().decimal().setScale(2, java.math.RoundingMode.HALF_UP);
        l.productJson = write(product);
        l.status = LoanStatus.APPLIED;
        l.createdAt = clock.now();
        l.createdBy = user.username();
        l.updatedAt = l.createdAt;
        l.persist();
        Loan.flush();
        LoanSummary after = summary(l);
        audit.record("CREATE", "loan", String.valueOf(l.id), null, after);
        return detail(l);
    }

    /** The county approver approves (the limits checked again against the household's loans now) or refuses with a reason. */
    @Transactional
    public LoanDetail decide(long id, LoanDecisionInput in) {
        user.requireAnyRole(APPROVERS);
        Loan l = inScope(id);
        if (in == null || in.approve() == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("approve", "请选择同意或不同意")));
        }
        Versions.check(l.version, in.version());
        requireStatus(l, LoanStatus.APPLIED);
        String note = Inputs.blankToNull(in.note());
        if (note != null && note.length() > 500 || !in.approve() && (note == null || note.length() < 2)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("note", "不同意的，请写明理由（2—500字）")));
        }
        LoanSummary before = summary(l);
        if (in.approve()) {
            LoanProduct product = read(l);
            lockHousehold(l.householdId);
            BigDecimal held = held(l.householdId, l.productCode, l.id);
            refuseIfAny(LoanRules.terms(product, l.amount, l.termMonths, l.annualRate, held));
            l.heldBefore = held.setScale(2);
            l.subsidyCap = LoanRules.subsidyCap(product, l.amount, held);
        }
        l.status = in.approve() ? LoanStatus.APPROVED : LoanStatus.REFUSED;
        l.decidedOn = clock.today();
        l.decidedBy = user.username();
        l.decisionNote = note;
        return saved(l, "DECIDE", before);
    }

    /** The bank has paid out: its contract number and date; the schedule is generated from that date. */
    @Transactional
    public LoanDetail disburse(long id, LoanDisbursementInput in) {
        user.requireAnyRole(COUNTY_STAFF);
        Loan l = inScope(id);
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            in = new LoanDisbursementInput(null, null, null, null);
        }
        String contract = Inputs.blankToNull(in.contractNo());
        if (contract == null || contract.length() > 64) {
            errors.add(new FieldError("contractNo", "请填写银行借款合同编号（不超过64字符）"));
        }
        String bank = Inputs.blankToNull(in.bank());
        if (bank == null || bank.length() > 100) {
            errors.add(new FieldError("bank", "请填写放款银行（不超过100字）"));
        }
        if (in.disbursedOn() == null || in.disbursedOn().isAfter(clock.today()) || in.disbursedOn().isBefore(l.appliedOn)) {
            errors.add(new FieldError("disbursedOn", "请填写放款日期（不早于申请日期，不晚于今天）"));
        }
        ApiException.refuseIfAny(errors);
        Versions.check(l.version, in.version());
        requireStatus(l, LoanStatus.APPROVED);
        if (Loan.count("contractNo = ?1 and id <> ?2", contract, l.id) > 0) {
            throw new ApiException(LoanError.LOAN_CONTRACT_NO_TAKEN, contract);
        }
        LoanSummary before = summary(l);
        l.contractNo = contract;
        l.bank = bank;
        l.disbursedOn = in.disbursedOn();
        l.maturityOn = in.disbursedOn().plusMonths(l.termMonths);
        l.status = LoanStatus.DISBURSED;
        store(l, LoanSchedule.build(l.repaymentMethod, l.amount, l.annualRate, l.termMonths, l.disbursedOn, l.subsidyCap, l.subsidyShare), 0);
        refreshDelinquency(l, clock.today());
        return saved(l, "DISBURSE", before);
    }

    /** A repayment of principal and/or interest; the loan closes when no principal is left. */
    @Transactional
    public LoanDetail repay(long id, LoanRepaymentInput in) {
        user.requireAnyRole(COUNTY_STAFF);
        Loan l = inScope(id);
        LoanRepayment r = repayment(l, in == null ? new LoanRepaymentInput(null, null, null, null) : in, "MANUAL", null);
        LoanSummary before = summary(l);
        apply(l, r);
        audit.record("CREATE", "loan_repayment", String.valueOf(r.id), null, view(r));
        return saved(l, "REPAY", before);
    }

    LoanRepayment repayment(Loan l, LoanRepaymentInput in, String source, String ledgerKey) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = clock.today();
        requireStatus(l, LoanStatus.DISBURSED);
        if (in.paidOn() == null || in.paidOn().isAfter(today) || in.paidOn().isBefore(l.disbursedOn)) {
            errors.add(new FieldError("paidOn", "请填写还款日期（不早于放款日期，不晚于今天）"));
        }
        BigDecimal principal = in.principal() == null ? BigDecimal.ZERO : in.principal();
        BigDecimal interest = in.interest() == null ? BigDecimal.ZERO : in.interest();
        if (principal.signum() < 0 || principal.scale() > 2 || interest.signum() < 0 || interest.scale() > 2
                || principal.add(interest).signum() <= 0 || interest.compareTo(MAX_AMOUNT_INPUT) > 0) {
            errors.add(new FieldError("principal", "请填写还款本金和（或）利息（元，不为负，最多两位小数，合计大于0）"));
        }
        String note = Inputs.blankToNull(in.note());
        if (note != null && note.length() > 500) {
            errors.add(new FieldError("note", "备注不超过500字"));
        }
        ApiException.refuseIfAny(errors);
        if (principal.compareTo(l.outstanding()) > 0) {
            throw new ApiException(LoanError.LOAN_REPAYMENT_TOO_LARGE, "贷款余额" + l.outstanding().toPlainString() + "元，还款本金" + principal.toPlainString() + "元");
        }
        LoanRepayment r = new LoanRepayment();
        r.loanId = l.id;
        r.paidOn = in.paidOn();
        r.principal = principal.setScale(2);
        r.interest = interest.setScale(2);
        r.source = source;
        r.ledgerKey = ledgerKey;
        r.note = note;
        r.createdAt = clock.now();
        r.createdBy = user.username();
        return r;
    }

    void apply(Loan l, LoanRepayment r) {
        r.persist();
        l.principalRepaid = l.principalRepaid.add(r.principal);
        l.interestRepaid = l.interestRepaid.add(r.interest);
        if (l.outstanding().signum() == 0) {
            l.status = LoanStatus.CLOSED;
            l.closedOn = r.paidOn;
        }
        refreshDelinquency(l, clock.today());
    }

    /**
     * The one 续贷 or 展期 (loan.micro.renewals-max; the kinds the product allows), recorded on or before the maturity: the
     * principal due at maturity moves into a new schedule from the maturity over {@code months} (within the product's term),
     * at the same rate, method and subsidy (续贷或展期期间各项政策保持不变, 000 金融帮扶 一、4). A second one is refused
     * (LOAN_RENEWAL_USED).
     */
    @Transactional
    public LoanDetail renew(long id, LoanRenewalInput in) {
        user.requireAnyRole(COUNTY_STAFF);
        Loan l = inScope(id);
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            in = new LoanRenewalInput(null, null, null, null);
        }
        RenewalKind kind = Inputs.required(RenewalKind.class, in.kind(), "kind", "续贷或展期", errors);
        String note = Inputs.blankToNull(in.note());
        if (note == null || note.length() < 2 || note.length() > 500) {
            errors.add(new FieldError("note", "请写明续贷或展期的原因（2—500字）"));
        }
        if (in.months() == null || in.months() < 1) {
            errors.add(new FieldError("months", "请填写续贷或展期的期限（月）"));
        }
        ApiException.refuseIfAny(errors);
        Versions.check(l.version, in.version());
        requireStatus(l, LoanStatus.DISBURSED);
        LoanProduct product = read(l);
        if (!product.renewalKinds().contains(kind)) {
            throw new ApiException(LoanError.LOAN_RENEWAL_KIND_NOT_ALLOWED, product.label() + "可办理："
                    + product.renewalKinds().stream().map(RenewalKind::label).collect(Collectors.joining("、")) + "（出处：" + product.renewalKindsSource() + "）");
        }
        int max = product.renewalsMax().whole();
        if (l.renewals >= max) {
            throw new ApiException(LoanError.LOAN_RENEWAL_USED, "已于" + l.renewedOn + "办理" + l.renewalKind.label() + "；依据" + product.renewalsMax().cite());
        }
        if (in.months() > product.maxYears().whole() * 12) {
            throw new ApiException(LoanError.LOAN_TERMS_INVALID, "续贷或展期期限" + in.months() + "个月，超过" + product.maxYears().cite());
        }
        LocalDate today = clock.today();
        if (today.isAfter(l.maturityOn)) {
            throw new ApiException(LoanError.LOAN_STATUS_INVALID, "贷款已于" + l.maturityOn + "到期，续贷或展期应在到期前办理");
        }
        List<LoanInstalment> rows = LoanInstalment.list("loanId", Sort.by("seq"), l.id);
        LoanInstalment last = rows.get(rows.size() - 1);
        BigDecimal principal = last.principal;
        if (principal.signum() <= 0) {
            throw new ApiException(LoanError.LOAN_STATUS_INVALID, "到期时没有待还本金，无需续贷或展期");
        }
        LoanSummary before = summary(l);
        last.principal = BigDecimal.ZERO.setScale(2);
        store(l, LoanSchedule.build(l.repaymentMethod, principal, l.annualRate, in.months(), l.maturityOn, l.subsidyCap, l.subsidyShare), last.seq);
        l.maturityOn = l.maturityOn.plusMonths(in.months());
        l.renewals++;
        l.renewalKind = kind;
        l.renewedOn = today;
        l.renewalNote = note;
        refreshDelinquency(l, today);
        return saved(l, "RENEW", before);
    }

    /** A post-loan supervision visit (贷后监管), by village, township or county staff in scope. */
    @Transactional
    public LoanDetail supervise(long id, LoanSupervisionInput in) {
        user.requireAnyRole(SUPERVISORS);
        Loan l = inScope(id);
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            in = new LoanSupervisionInput(null, null, null, null);
        }
        requireStatus(l, LoanStatus.DISBURSED);
        if (in.supervisedOn() == null || in.supervisedOn().isAfter(clock.today()) || in.supervisedOn().isBefore(l.disbursedOn)) {
            errors.add(new FieldError("supervisedOn", "请填写监管日期（不早于放款日期，不晚于今天）"));
        }
        String who = Inputs.blankToNull(in.supervisor());
        if (who == null || who.length() > 64) {
            errors.add(new FieldError("supervisor", "请填写监管人员"));
        }
        if (in.fundsAsAgreed() == null) {
            errors.add(new FieldError("fundsAsAgreed", "请选择贷款资金是否按约定用途使用（户借、户用、户还）"));
        }
        String findings = Inputs.blankToNull(in.findings());
        if (findings == null || findings.length() < 4 || findings.length() > 2000) {
            errors.add(new FieldError("findings", "请填写监管发现的情况（4—2000字）"));
        }
        ApiException.refuseIfAny(errors);
        LoanSupervision s = new LoanSupervision();
        s.loanId = l.id;
        s.supervisedOn = in.supervisedOn();
        s.supervisor = who;
        s.fundsAsAgreed = in.fundsAsAgreed();
        s.findings = findings;
        s.createdAt = clock.now();
        s.createdBy = user.username();
        s.persist();
        LoanSupervision.flush();
        audit.record("CREATE", "loan_supervision", String.valueOf(s.id), null, view(s));
        return detail(l);
    }

    @Transactional
    public LoanDetail get(long id) {
        user.requireAnyRole(READERS);
        return detail(inScope(id));
    }

    /** Loans in the caller's scope, newest first; {@code status}, {@code bucket} (逾期区间), {@code village}. */
    @Transactional
    public Page<LoanSummary> list(String status, String bucket, String village, int page, int size) {
        return list(status, bucket, village, NEWEST_FIRST, page, size);
    }

    /** The columns the loan book may be sorted by: the loan row's own (村 is indexed; the rest cheap on a scoped list). */
    public static final Map<String, String> SORTS = cn.fpjc.core.platform.web.SortBy.columns("villageCode", "村", "amount", "金额",
            "maturityOn", "到期日", "overdueDays", "逾期");

    /** The book's default order: the latest registered first (not a column people sort by, so not in {@link #SORTS}). */
    public static final cn.fpjc.core.platform.web.SortBy NEWEST_FIRST = new cn.fpjc.core.platform.web.SortBy("id", true);

    /** The loans in the order asked for ({@link #SORTS}, or {@link #NEWEST_FIRST}; ties by id the same way round). */
    @Transactional
    public Page<LoanSummary> list(String status, String bucket, String village, cn.fpjc.core.platform.web.SortBy sort, int page, int size) {
        if (!SORTS.containsKey(sort.column()) && !sort.equals(NEWEST_FIRST)) {
            throw new IllegalArgumentException("not a loan sort: " + sort.column());
        }
        Sort.Direction direction = sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort order = sort.equals(NEWEST_FIRST) ? Sort.descending("id") : Sort.by(sort.column(), direction).and("id", direction);
        user.requireAnyRole(READERS);
        List<FieldError> errors = new ArrayList<>();
        LoanStatus st = status == null || status.isBlank() ? null : Inputs.required(LoanStatus.class, status, "status", "贷款状态", errors);
        DelinquencyBucket b = bucket == null || bucket.isBlank() ? null : Inputs.required(DelinquencyBucket.class, bucket, "bucket", "逾期区间", errors);
        ApiException.refuseIfAny(errors);
        String scope = OrgScope.likePrefix(user.orgCode());
        StringBuilder q = new StringBuilder("villageCode like :scope");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("scope", scope));
        if (village != null && !village.isBlank()) {
            q.append(" and villageCode = :village");
            params.put("village", village.strip());
        }
        if (st != null) {
            q.append(" and status = :status");
            params.put("status", st);
        }
        if (b != null) {
            q.append(" and overdueBucket = :bucket");
            params.put("bucket", b);
        }
        return Page.of(Loan.<Loan>find(q.toString(), order, params), page, size, 500,
                rows -> rows.stream().map(LoanService::summary).toList());
    }

    // ---- helpers

    Loan inScope(long id) {
        Loan l = Loan.findById(id);
        if (l == null || !OrgScope.covers(user.orgCode(), l.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "贷款");
        }
        return l;
    }

    static void requireStatus(Loan l, LoanStatus wanted) {
        if (l.status != wanted) {
            throw new ApiException(LoanError.LOAN_STATUS_INVALID, "该笔贷款" + l.status.label() + "，只有" + wanted.label() + "的才能这样办理");
        }
    }

    private static void refuseIfAny(List<LoanFinding> findings) {
        if (!findings.isEmpty()) {
            throw new ApiException(LoanError.LOAN_NOT_ELIGIBLE, findings.stream().map(LoanFinding::message).collect(Collectors.joining("；")),
                    findings.stream().map(f -> new FieldError(f.rule(), f.message())).toList());
        }
    }

    private static LoanRules.Application application(Parsed p, BigDecimal held) {
        return new LoanRules.Application(p.member().birthDate, p.appliedOn(), p.household().category, p.amount(), p.term(), p.rate(), held);
    }

    /** What the household's other approved or running loans of the product still hold (amount less principal repaid). */
    static BigDecimal held(long householdId, String product, Long except) {
        BigDecimal sum = Loan.getEntityManager().createQuery("select coalesce(sum(l.amount - l.principalRepaid), 0) from Loan l"
                + " where l.householdId = :h and l.productCode = :p and l.status in (:approved, :disbursed) and l.id <> :except", BigDecimal.class)
                .setParameter("h", householdId).setParameter("p", product)
                .setParameter("approved", LoanStatus.APPROVED).setParameter("disbursed", LoanStatus.DISBURSED) // values, not a list: see InLists
                .setParameter("except", except == null ? -1L : except).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Two applications of one household are checked against its total one after the other (MariaDB row lock; see core/README "Row locks"). */
    private static void lockHousehold(long householdId) {
        Loan.getEntityManager().createNativeQuery("SELECT id FROM household WHERE id = ?1 FOR UPDATE").setParameter(1, householdId).getResultList();
    }

    private static void store(Loan l, List<Instalment> schedule, int seqFrom) {
        for (Instalment i : schedule) {
            LoanInstalment row = new LoanInstalment();
            row.loanId = l.id;
            row.seq = seqFrom + i.seq();
            row.dueOn = i.dueOn();
            row.months = i.months();
            row.openingBalance = i.openingBalance();
            row.principal = i.principal();
            row.interest = i.interest();
            row.subsidy = i.subsidy();
            row.persist();
        }
    }

    /** Recomputes how late the loan is on {@code today} (the nightly scan does the same for every loan). */
    static void refreshDelinquency(Loan l, LocalDate today) {
        Delinquency.State s;
        if (l.status != LoanStatus.DISBURSED) {
            s = new Delinquency.State(null, 0, DelinquencyBucket.CURRENT);
        } else {
            LoanInstalment.flush();
            List<Delinquency.Due> due = LoanInstalment.<LoanInstalment>list("loanId", Sort.by("seq"), l.id).stream()
                    .map(i -> new Delinquency.Due(i.dueOn, i.principal.add(i.interest))).toList();
            s = Delinquency.of(due, l.principalRepaid.add(l.interestRepaid), today);
        }
        l.overdueSince = s.overdueSince();
        l.overdueDays = (int) Math.min(Integer.MAX_VALUE, s.daysOverdue());
        l.overdueBucket = s.bucket();
        l.delinquencyOn = today;
    }

    private LoanDetail saved(Loan l, String action, LoanSummary before) {
        l.updatedAt = clock.now();
        Loan.flush();
        audit.record(action, "loan", String.valueOf(l.id), before, summary(l));
        return detail(l);
    }

    LoanProduct read(Loan l) {
        try {
            return json.readValue(l.productJson, LoanProduct.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("loan " + l.id + ": product snapshot unreadable", e);
        }
    }

    private String write(LoanProduct p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("product snapshot", e);
        }
    }

    static LoanSummary summary(Loan l) {
        return new LoanSummary(l.id, l.productCode, l.householdId, l.villageCode, l.borrowerName, l.borrowerIdMasked, l.appliedOn, l.amount, l.termMonths,
                l.annualRate, l.repaymentMethod.name(), l.repaymentMethod.label(), l.status.name(), l.status.label(), l.contractNo, l.bank, l.disbursedOn,
                l.maturityOn, l.outstanding(), l.overdueDays, l.overdueBucket.name(), l.overdueBucket.label(), l.renewalKind == null ? null
                        : l.renewalKind.name(), l.renewalKind == null ? null : l.renewalKind.label(), l.version);
    }

    LoanDetail detail(Loan l) {
        List<LoanInstalment> rows = LoanInstalment.list("loanId", Sort.by("seq"), l.id);
        List<LoanInstalmentView> schedule = rows.stream().map(i -> new LoanInstalmentView(i.seq, i.dueOn, i.months, i.openingBalance, i.principal, i.interest,
                i.subsidy, i.interest.subtract(i.subsidy))).toList();
        BigDecimal interest = rows.stream().map(i -> i.interest).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal subsidy = rows.stream().map(i -> i.subsidy).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<LoanRepaymentView> repayments = LoanRepayment.<LoanRepayment>list("loanId", Sort.by("paidOn").and("id"), l.id).stream()
                .map(LoanService::view).toList();
        List<LoanSupervisionView> supervisions = LoanSupervision.<LoanSupervision>list("loanId", Sort.by("supervisedOn").and("id"), l.id).stream()
                .map(LoanService::view).toList();
        return new LoanDetail(summary(l), l.purpose, l.heldBefore, l.subsidyCap, l.subsidyShare, read(l), l.decidedOn, l.decidedBy, l.decisionNote,
                l.renewedOn, l.renewalNote, l.overdueSince, l.principalRepaid, l.interestRepaid, interest, subsidy, schedule, repayments, supervisions);
    }

    static LoanInstalmentView view(Instalment i) {
        return new LoanInstalmentView(i.seq(), i.dueOn(), i.months(), i.openingBalance(), i.principal(), i.interest(), i.subsidy(), i.borrowerInterest());
    }

    static LoanRepaymentView view(LoanRepayment r) {
        return new LoanRepaymentView(r.id, r.paidOn, r.principal, r.interest, r.source, r.ledgerKey, r.note, r.createdBy);
    }

    static LoanSupervisionView view(LoanSupervision s) {
        return new LoanSupervisionView(s.id, s.supervisedOn, s.supervisor, s.fundsAsAgreed, s.findings, s.createdBy);
    }

    static <E extends Enum<E> & Labelled> String label(E e) {
        return e == null ? null : e.label();
    }
}
