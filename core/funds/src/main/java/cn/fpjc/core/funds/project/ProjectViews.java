package cn.fpjc.core.funds.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the project library. */
public final class ProjectViews {
    private ProjectViews() {
    }

    @Schema(name = "ProjectFundingInput", description = "项目资金：来源（中央衔接资金、省级衔接资金…）和金额（元）")
    public record FundingInput(String source, BigDecimal amount) {
    }

    @Schema(name = "ProjectLinkageInput", description = "联农带农机制：五联五带之一、做法、受益农户（户籍库中的户 id）")
    public record LinkageInput(String kind, String description, List<Long> householdIds) {
    }

    @Schema(name = "ProjectTargetInput", description = "绩效目标：产出指标/效益指标/满意度指标、指标名称、目标值")
    public record TargetInput(String kind, String indicator, String targetValue) {
    }

    /** A project as declared (村申报) or as a change proposes it; also the content kept with each approved version. */
    @Schema(name = "ProjectInput")
    public record ProjectInput(Integer year, String name, String category, String nature, String usage, String townshipCode,
            List<String> villages, String content, String implementer, Boolean enterpriseRun, Boolean nonPoorVillages,
            List<FundingInput> fundings, List<LinkageInput> linkages, List<TargetInput> targets) {
    }

    @Schema(name = "ProjectNoticeInput", description = "发布公示（公告）：类型、起止日期、地点或网站")
    public record NoticeInput(String kind, LocalDate startsOn, LocalDate endsOn, String place) {
    }

    @Schema(name = "ProjectDecision", description = "审核、论证、审定：通过与否、意见、项目版本号（乐观锁）")
    public record Decision(Boolean approve, String opinion, Long version) {
    }

    @Schema(name = "ProjectBatchItem")
    public record BatchItem(Long id, Long version) {
    }

    /** One step on many projects: TOWNSHIP_REVIEW (乡镇审核), ASSESSMENT (部门论证) or COUNTY_DECISION (县级审定). */
    @Schema(name = "ProjectBatchDecision")
    public record BatchDecision(String step, List<BatchItem> items, Boolean approve, String opinion) {
    }

    /** What happened to one project of a batch: done, or why not (the others went on). */
    @Schema(name = "ProjectBatchResult")
    public record BatchResult(long id, String name, boolean ok, String message) {
    }

    @Schema(name = "ProjectAllocationChoice", description = "立项时为一项资金指定所用的指标文件")
    public record AllocationChoice(Long fundingId, Long allocationId) {
    }

    @Schema(name = "ProjectApprovalInput", description = "立项批复：批复文号、日期、各项资金所用指标文件")
    public record ApprovalInput(String approvalDoc, LocalDate approvedOn, List<AllocationChoice> allocations, String dueDiligenceNote,
            LocalDate dueDiligenceOn, Long version) {
    }

    @Schema(name = "ProjectDateStep", description = "竣工验收或决算审计的日期")
    public record DateStep(LocalDate date, Long version) {
    }

    @Schema(name = "ProjectChangeInput", description = "变更申请：变更后的项目内容和理由")
    public record ChangeInput(ProjectInput project, String reason) {
    }

    @Schema(name = "ProjectChangeDecision")
    public record ChangeDecision(Boolean approve, String opinion) {
    }

    @Schema(name = "AnnualPlanInput", description = "年度项目实施计划编制完成：日期和文号")
    public record PlanInput(LocalDate completedOn, String docNumber) {
    }

    /** A rule checked on a project: 符合 / 不符合 / 本省未设定, the fact, and the parameter's value and source as people read them. */
    @Schema(name = "ProjectRuleCheck")
    public record RuleCheck(String rule, String result, String fact, String source) {
        public boolean failed() {
            return "不符合".equals(result);
        }
    }

    @Schema(name = "ProjectFundingView")
    public record FundingView(long id, String source, String sourceLabel, BigDecimal amount, Long allocationId, String allocationDoc) {
    }

    @Schema(name = "ProjectLinkageView")
    public record LinkageView(String kind, String kindLabel, String description, List<BeneficiaryView> households) {
    }

    /** A household benefited: its number and head's name (never an ID number), its category and village. */
    @Schema(name = "ProjectBeneficiaryView")
    public record BeneficiaryView(long householdId, String householdNo, String headName, String category, String villageCode) {
    }

    @Schema(name = "ProjectTargetView")
    public record TargetView(String kind, String kindLabel, String indicator, String targetValue) {
    }

    @Schema(name = "ProjectNoticeView")
    public record NoticeView(long id, String kind, String kindLabel, int revision, LocalDate startsOn, LocalDate endsOn, String periodRule,
            String place, boolean over, String publishedBy, Instant publishedAt) {
    }

    @Schema(name = "ProjectEventView")
    public record EventView(String step, String fromStatus, String toStatus, String toStatusLabel, String opinion, String actor, Instant at) {
    }

    @Schema(name = "ProjectRevisionView")
    public record RevisionView(int revision, String reason, String approvedBy, Instant approvedAt, ProjectInput content) {
    }

    @Schema(name = "ProjectChangeView")
    public record ChangeView(long id, String status, String reason, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
            String opinion, ProjectInput content) {
    }

    /** What the project needs next, in words, and who can do it (e.g. 村级申报公示期满后由乡镇审核). */
    @Schema(name = "ProjectView")
    public record ProjectView(long id, int year, String name, String category, String categoryLabel, String nature, String natureLabel,
            String usage, String usageLabel, String townshipCode, List<String> villages, String content, String implementer,
            boolean enterpriseRun, boolean nonPoorVillages, BigDecimal totalAmount, List<FundingView> fundings, List<LinkageView> linkages,
            List<TargetView> targets, String status, String statusLabel, String next, LocalDate listedOn, String approvalDoc,
            LocalDate approvedOn, LocalDate completedOn, LocalDate auditedOn, LocalDate dueDiligenceOn, String dueDiligenceNote,
            int revision, List<RuleCheck> checks, List<NoticeView> notices, List<EventView> history, List<RevisionView> revisions,
            List<ChangeView> changes, long version) {
    }

    /** A project in a list. */
    @Schema(name = "ProjectRow")
    public record ProjectRow(long id, int year, String name, String categoryLabel, String natureLabel, String townshipCode, List<String> villages,
            BigDecimal totalAmount, String status, String statusLabel, String next, long version) {
    }

    /** The library of a year: its deadlines with their rules, and how many projects stand where. */
    @Schema(name = "ProjectLibraryView")
    public record LibraryView(int year, LocalDate libraryDue, String libraryRule, long listed, long listedLate, List<StatusCount> byStatus,
            LocalDate planDue, String planRule, LocalDate planCompletedOn, String planDocNumber, String planState) {
    }

    @Schema(name = "ProjectStatusCount")
    public record StatusCount(String status, String label, long count) {
    }
}
