package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.assistance.loan.LoanRules.LoanFinding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the loan API answers. Borrowers appear by name and masked ID number only. */
public final class LoanViews {
    private LoanViews() {
    }

    public record LoanSummary(long id, String product, long householdId, String villageCode, String borrowerName, String borrowerIdMasked,
            LocalDate appliedOn, BigDecimal amount, int termMonths, BigDecimal annualRate, String repaymentMethod, String repaymentMethodLabel,
            String status, String statusLabel, String contractNo, String bank, LocalDate disbursedOn, LocalDate maturityOn, BigDecimal outstanding,
            int overdueDays, String overdueBucket, String overdueBucketLabel, String renewalKind, String renewalKindLabel, long version) {
    }

    public record LoanInstalmentView(int seq, LocalDate dueOn, int months, BigDecimal openingBalance, BigDecimal principal, BigDecimal interest,
            BigDecimal subsidy, BigDecimal borrowerInterest) {
    }

    public record LoanRepaymentView(long id, LocalDate paidOn, BigDecimal principal, BigDecimal interest, String source, String reference,
            String note, String createdBy) {
    }

    public record LoanSupervisionView(long id, LocalDate supervisedOn, String supervisor, boolean fundsAsAgreed, String findings, String createdBy) {
    }

    /** The whole loan: terms, the product it was approved under (limits with their sources), schedule, totals, history. */
    public record LoanDetail(LoanSummary loan, String purpose, BigDecimal heldBefore, BigDecimal subsidyCap, BigDecimal subsidyShare,
            LoanProduct product, LocalDate decidedOn, String decidedBy, String decisionNote, LocalDate renewedOn, String renewalNote,
            LocalDate overdueSince, BigDecimal principalRepaid, BigDecimal interestRepaid, BigDecimal totalInterest, BigDecimal totalSubsidy,
            List<LoanInstalmentView> schedule, List<LoanRepaymentView> repayments, List<LoanSupervisionView> supervisions) {
    }

    /** An application checked without saving: the findings (each naming its rule and source) and the schedule it would have. */
    public record LoanCheck(boolean eligible, List<LoanFinding> findings, int age, BigDecimal heldByHousehold, BigDecimal subsidyCap,
            BigDecimal subsidyShare, List<LoanInstalmentView> schedule, BigDecimal totalInterest, BigDecimal totalSubsidy) {
    }

    public record LoanLedgerRowResult(int row, String contractNo, boolean accepted, String reason) {
    }

    public record LoanLedgerReport(int rows, int accepted, int refused, List<LoanLedgerRowResult> results) {
    }

    public record LoanScanView(long id, String trigger, LocalDate scannedOn, int loans, BigDecimal outstanding, BigDecimal overdue,
            BigDecimal overdueRate, BigDecimal rateLimit, String rateLimitSource, boolean exceeded, int days1to30, int days31to90,
            int days91to180, int over180) {
    }

    /** The latest scan (county figures) and the overdue loans in the caller's scope, longest overdue first. */
    public record LoanDelinquency(LoanScanView scan, List<LoanSummary> overdue) {
    }

    /** A reminder or supervision item: the loan, when it is due, how much (reminders) and whether due soon or overdue. */
    public record LoanDueItem(LoanSummary loan, LocalDate dueOn, BigDecimal amountDue, String state) {
    }

    /** {@code rule}: the parameter with its source, or why there is no list (the province has not set the interval). */
    public record LoanDueList(Integer intervalMonths, String rule, List<LoanDueItem> items) {
    }
}
