package cn.fpjc.core.funds.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of fund indicator documents. */
public final class AllocationViews {
    private AllocationViews() {
    }

    @Schema(name = "AllocationInput", description = "一份资金指标文件中的一个资金来源")
    public record AllocationInput(Integer year, String docNumber, String title, String source, BigDecimal amount, LocalDate receivedOn,
            String note) {
    }

    /** A project the document pays for and when it was approved (立项批复). */
    @Schema(name = "AllocationProject")
    public record FundedProject(long id, String name, BigDecimal amount, LocalDate approvedOn, Boolean approvedInTime) {
    }

    /**
     * A document with what is arranged from it and its approval clock: the projects it funds are to be approved by
     * {@code approvalDue} ({@code approvalRule} says why); {@code approvalState} is 按期完成 / 逾期完成 / 未到期 / 已逾期 / 本省未设定.
     */
    @Schema(name = "AllocationView")
    public record AllocationView(long id, int year, String docNumber, String title, String source, String sourceLabel, BigDecimal amount,
            LocalDate receivedOn, String note, BigDecimal arranged, BigDecimal unarranged, LocalDate approvalDue, String approvalRule,
            String approvalState, List<FundedProject> projects, long version) {
    }
}
