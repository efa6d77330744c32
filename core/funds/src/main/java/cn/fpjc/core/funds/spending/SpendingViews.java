package cn.fpjc.core.funds.spending;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of 资金支出 and its progress. Money in yuan to the fen; percentages to 2 decimals, HALF_UP. */
public final class SpendingViews {
    private SpendingViews() {
    }

    /** A payment from one funding line: the voucher number is required, its scan (JPEG, PNG or PDF, base64) optional. */
    @Schema(name = "FundPaymentInput")
    public record PaymentInput(Long fundingId, BigDecimal amount, LocalDate paidOn, String voucherNo, String payee, String note,
            String voucherName, String voucherBase64) {
    }

    /** A reversal (冲销) of a payment: its own voucher number (红字凭证), the date and why. */
    @Schema(name = "FundPaymentReversalInput")
    public record ReversalInput(LocalDate paidOn, String voucherNo, String note) {
    }

    @Schema(name = "FundPaymentView")
    public record PaymentView(long id, long projectId, long fundingId, String source, String sourceLabel, long allocationId,
            String docNumber, int fundYear, BigDecimal amount, LocalDate paidOn, String voucherNo, String payee, String note,
            Long reversesId, Long reversedById, String voucherName, String voucherType, Integer voucherBytes, String createdBy,
            Instant createdAt) {
    }

    /** A funding line with what was paid from it and what remains. */
    @Schema(name = "FundFundingLine")
    public record FundingLine(long fundingId, String source, String sourceLabel, Long allocationId, String docNumber, Integer fundYear,
            BigDecimal amount, BigDecimal paid, BigDecimal remaining) {
    }

    @Schema(name = "FundProjectPayments")
    public record ProjectPayments(long projectId, String projectName, String status, String statusLabel, boolean payable,
            List<FundingLine> lines, List<PaymentView> payments) {
    }

    /**
     * A checkpoint of the province: due date in the fund year, target (null when the province set none: 本省未设定, not
     * judged), the actual progress on that day once it has passed, and whether it was met.
     */
    @Schema(name = "FundProgressCheckpoint")
    public record Checkpoint(String key, String label, LocalDate dueOn, BigDecimal target, String targetText, String citation,
            boolean passed, BigDecimal actual, Boolean met) {
    }

    /** One month: the planned line (the target of the last checkpoint due by the month's end) and the actual cumulative progress. */
    @Schema(name = "FundProgressMonth")
    public record Month(int month, LocalDate asOf, BigDecimal planned, BigDecimal received, BigDecimal paid, BigDecimal actual) {
    }

    @Schema(name = "FundProgressSource")
    public record SourceProgress(String source, String sourceLabel, BigDecimal received, BigDecimal paid, BigDecimal actual,
            List<BigDecimal> monthly) {
    }

    @Schema(name = "FundBehindProject")
    public record BehindProject(long projectId, String name, String townshipCode, String townshipName, String status, String statusLabel,
            BigDecimal funded, BigDecimal paid, BigDecimal actual, BigDecimal target) {
    }

    /**
     * Progress of fund year {@code year} on {@code date}: the rule in words, the totals, by month, by source, the
     * checkpoints, a page of projects behind the latest passed checkpoint (total in {@code behindTotal}), and the year's
     * industry share and caps ({@code caps}, from the project library's FundCaps).
     */
    @Schema(name = "FundProgress")
    public record Progress(int year, LocalDate date, String rule, BigDecimal received, BigDecimal paid, BigDecimal actual,
            List<Month> months, List<SourceProgress> sources, List<Checkpoint> checkpoints, Checkpoint judgedBy,
            List<BehindProject> behind, long behindTotal, int page, int size, List<cn.fpjc.core.funds.project.FundCaps.Share> caps) {
    }
}
