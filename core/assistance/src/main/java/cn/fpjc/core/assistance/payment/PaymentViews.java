package cn.fpjc.core.assistance.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the payment API returns; account numbers only masked. */
public final class PaymentViews {
    private PaymentViews() {
    }

    public record AccountView(long householdId, String householdNo, long holderMemberId, String holderName, String bankName,
            String accountMasked, Instant updatedAt, String updatedBy, long version) {
    }

    /**
     * @param awaiting instructions released to the bank with no answer in a return file yet
     * @param reconciliation 未拨付 / 待回盘 / 部分回盘 / 已对账
     */
    public record BatchView(long id, String batchNo, String programmeId, String programmeName, String period, String periodLabel,
            String status, String statusLabel, boolean reissue, String note, int lines, BigDecimal totalAmount, int paid,
            BigDecimal paidAmount, int failed, BigDecimal failedAmount, int awaiting, BigDecimal awaitingAmount, String reconciliation,
            String createdBy, Instant createdAt, String approvedBy, Instant approvedAt, String releasedBy, Instant releasedAt,
            Instant settledAt, long version) {
    }

    public record InstructionView(long id, String instructionNo, long batchId, String programmeId, String period, long memberId,
            String beneficiaryName, long householdId, String householdNo, String villageCode, BigDecimal amount, String note,
            String holderName, String bankName, String accountMasked, String status, String statusLabel, String failureReason,
            String bankReference, Instant settledAt, Long reissueOfId, Long reissuedAsId, String createdBy, Instant createdAt,
            long version) {
    }

    public record BatchDetail(BatchView batch, List<InstructionView> instructions) {
    }

    /** An answer that may be a replay: {@code created} false when an earlier request with the same idempotency key made it. */
    public record Outcome<T>(T view, boolean created) {
    }

    /** What a bank return file did: instructions marked paid or failed, rows already recorded alike, and what is still awaited. */
    public record ReturnResult(long batchId, String batchNo, int rows, int paid, int failed, int unchanged, int awaiting, String status,
            String statusLabel) {
    }

    /**
     * A ledger row: one programme, year and village. Each payment owed counts once: a failed payment that was re-issued
     * is counted by its re-issue. {@code owed} = paid + awaiting + pending + failed (not yet re-issued).
     */
    public record LedgerRow(String programmeId, String programmeName, int year, String villageCode, String villageName,
            int beneficiaries, int payments, BigDecimal owed, int paid, BigDecimal paidAmount, int awaiting, BigDecimal awaitingAmount,
            int pending, BigDecimal pendingAmount, int failed, BigDecimal failedAmount, int reissued, String reconciliation) {
    }

    public record Ledger(List<LedgerRow> rows, LedgerRow total) {
    }
}
