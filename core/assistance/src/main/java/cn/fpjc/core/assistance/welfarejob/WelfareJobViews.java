package cn.fpjc.core.assistance.welfarejob;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the 公益性岗位 API takes and answers. */
public final class WelfareJobViews {
    private WelfareJobViews() {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobPositionInput")
    public record PositionInput(String villageCode, String title, String duties, BigDecimal monthlyWage, BigDecimal localMinWage,
            String minWageSource) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobPlacementInput")
    public record PlacementInput(Long positionId, Long memberId, LocalDate startsOn, LocalDate endsOn, Boolean accidentInsured) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobLeave")
    public record Leave(LocalDate leftOn, String reason, Long version) {
    }

    /** One rule checked when placing a member: the rule, whether it held, the fact, and the parameter with its source. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobCheck")
    public record Check(String rule, boolean passed, String fact, String parameter, String source) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobPositionView")
    public record PositionView(long id, String villageCode, String villageName, String title, String duties, BigDecimal monthlyWage,
            BigDecimal localMinWage, String minWageSource, boolean open, String holder, String holderIdMasked, long version) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobPlacementView")
    public record PlacementView(long id, long positionId, String title, long memberId, String memberName, String idMasked, String householdNo,
            String villageCode, String villageName, LocalDate startsOn, LocalDate endsOn, boolean accidentInsured, String status,
            String statusLabel, LocalDate leftOn, String leaveReason, List<Check> checks, long version) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobPayrollLine")
    public record PayrollLine(long placementId, String title, String memberName, String idMasked, String householdNo, String villageName,
            int daysInPost, int daysInMonth, BigDecimal monthlyWage, BigDecimal amount) {
    }

    /** A month's payroll of the county: one line per placement in post that month, and the total. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WelfareJobPayrollView")
    public record Payroll(String month, int lines, BigDecimal total, List<PayrollLine> items) {
    }
}
