package cn.fpjc.core.assistance.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What clients send. Amounts are yuan (≤ 2 decimals); rates are annual percentages as the bank gives them. */
public final class LoanRequests {
    private LoanRequests() {
    }

    /** {@code appliedOn}: the application date (default today; the borrower's age is counted on it). */
    public record LoanApplicationInput(Long memberId, BigDecimal amount, Integer termMonths, BigDecimal annualRate, String repaymentMethod, String purpose,
            LocalDate appliedOn) {
    }

    public record LoanDecisionInput(Boolean approve, String note, Long version) {
    }

    public record LoanDisbursementInput(String contractNo, String bank, LocalDate disbursedOn, Long version) {
    }

    public record LoanRepaymentInput(LocalDate paidOn, BigDecimal principal, BigDecimal interest, String note) {
    }

    /** {@code kind}: 续贷 or 展期 (or 无还本续贷 for a product allowing it); {@code months}: the new term from the current maturity. */
    public record LoanRenewalInput(String kind, Integer months, String note, Long version) {
    }

    public record LoanSupervisionInput(LocalDate supervisedOn, String supervisor, Boolean fundsAsAgreed, String findings) {
    }

    /** One row of the bank's ledger as read from the file (texts as written), with its row number in the file. */
    public record LedgerRow(int row, String contractNo, String idNumber, String paidOn, boolean paidOnNumeric, String principal, String interest,
            String reference) {
    }
}
