package cn.fpjc.core.funds.asset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the project-asset API takes and answers. */
public final class AssetViews {
    private AssetViews() {
    }

    @Schema(name = "AssetInput")
    public record AssetInput(Long projectId, String name, String nature, String owner, String custodian, BigDecimal value, String villageCode) {
    }

    @Schema(name = "AssetConfirmationInput")
    public record ConfirmationInput(LocalDate confirmedOn, String confirmationDoc, Long version) {
    }

    @Schema(name = "AssetCheckInput")
    public record CheckInput(String level, LocalDate checkedOn, String inspector, String findings, String condition) {
    }

    @Schema(name = "AssetDistributionLineInput")
    public record LineInput(Long householdId, String kind, BigDecimal amount, String basis) {
    }

    @Schema(name = "AssetIncomeInput")
    public record IncomeInput(LocalDate receivedOn, BigDecimal amount, String payer, String note, List<LineInput> lines) {
    }

    @Schema(name = "AssetIdleInput")
    public record IdleInput(LocalDate idleSince, String reason, Long version) {
    }

    @Schema(name = "AssetIdleReviewInput")
    public record IdleReviewInput(LocalDate reviewedOn, String measure, boolean backInUse, Long version) {
    }

    @Schema(name = "AssetClassificationInput")
    public record ClassificationInput(String assetClass, String plan, Long version) {
    }

    @Schema(name = "AssetDisposalInput")
    public record DisposalInput(BigDecimal valuation, String valuer, String method, Long version) {
    }

    @Schema(name = "AssetDisposalDecision")
    public record DisposalDecision(boolean approve, LocalDate disposedOn, String opinion, Long version) {
    }

    /** 确权登记移交: the clock (due date from the audit) or why there is none, and the rule in words. */
    @Schema(name = "AssetConfirmationClock")
    public record ConfirmationClock(LocalDate dueOn, boolean overdue, String state, String rule, String source) {
    }

    /** One level of the maintenance cadence for one asset: last check, next due, state (正常/逾期/本县未设定). */
    @Schema(name = "AssetCadenceLevel")
    public record CadenceLevel(String level, String levelLabel, Integer months, LocalDate lastCheckedOn, LocalDate dueOn, boolean overdue,
            String state, String source) {
    }

    /** Whether a 四个一批 plan is required for this project's investment, and why. */
    @Schema(name = "AssetPlanRule")
    public record PlanRule(BigDecimal projectInvestment, BigDecimal threshold, boolean required, String rule, String source) {
    }

    @Schema(name = "AssetView")
    public record AssetView(long id, long projectId, String projectName, String name, String nature, String natureLabel, String owner,
            String custodian, BigDecimal value, String villageCode, String villageName, LocalDate auditedOn, LocalDate registeredOn,
            LocalDate confirmedOn, String confirmationDoc, ConfirmationClock confirmation, String status, String statusLabel,
            String idleReason, LocalDate idleSince, String assetClass, String assetClassLabel, String classPlan, BigDecimal valuation,
            String valuer, String disposalMethod, LocalDate disposedOn, List<CadenceLevel> cadence, long version) {
    }

    @Schema(name = "AssetCheckView")
    public record CheckView(long id, String level, String levelLabel, LocalDate checkedOn, String inspector, String findings,
            String condition, String conditionLabel) {
    }

    /** A distribution line as shown: the household by its 户编号 and category (no ID numbers), priority when monitored or 脱贫户. */
    @Schema(name = "AssetDistributionLineView")
    public record LineView(Long householdId, String householdNo, String villageName, String category, boolean priority, String kind,
            String kindLabel, BigDecimal amount, String basis) {
    }

    /** An income and its distribution; prioritySharePercent = amount to monitored and 脱贫 households / income, HALF_UP to 0.01%. */
    @Schema(name = "AssetIncomeView")
    public record IncomeView(long id, LocalDate receivedOn, BigDecimal amount, String payer, String note, List<LineView> lines,
            BigDecimal priorityAmount, BigDecimal prioritySharePercent) {
    }

    @Schema(name = "AssetEventView")
    public record EventView(LocalDate happenedOn, String kind, String detail, String actor) {
    }

    @Schema(name = "AssetDetail")
    public record AssetDetail(AssetView asset, PlanRule planRule, List<CheckView> checks, List<IncomeView> incomes, List<EventView> history) {
    }

    /** One overdue level of one asset, from the set-based scan. */
    @Schema(name = "AssetOverdueCheck")
    public record OverdueCheck(long assetId, String assetName, String villageCode, String villageName, String level, String levelLabel,
            int months, LocalDate lastCheckedOn, LocalDate dueOn) {
    }

    @Schema(name = "AssetOverdueChecks")
    public record OverdueChecks(LocalDate asOf, int count, List<String> notSet, List<OverdueCheck> items) {
    }
}
