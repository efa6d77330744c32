package cn.fpjc.core.funds.asset;

import static cn.fpjc.core.funds.FundsInputs.invalid;
import static cn.fpjc.core.funds.FundsInputs.money;
import static cn.fpjc.core.funds.FundsInputs.required;

import cn.fpjc.core.funds.asset.AssetViews.AssetDetail;
import cn.fpjc.core.funds.asset.AssetViews.AssetInput;
import cn.fpjc.core.funds.asset.AssetViews.AssetView;
import cn.fpjc.core.funds.asset.AssetViews.CadenceLevel;
import cn.fpjc.core.funds.asset.AssetViews.CheckInput;
import cn.fpjc.core.funds.asset.AssetViews.CheckView;
import cn.fpjc.core.funds.asset.AssetViews.ClassificationInput;
import cn.fpjc.core.funds.asset.AssetViews.ConfirmationInput;
import cn.fpjc.core.funds.asset.AssetViews.DisposalDecision;
import cn.fpjc.core.funds.asset.AssetViews.DisposalInput;
import cn.fpjc.core.funds.asset.AssetViews.EventView;
import cn.fpjc.core.funds.asset.AssetViews.IdleInput;
import cn.fpjc.core.funds.asset.AssetViews.IdleReviewInput;
import cn.fpjc.core.funds.asset.AssetViews.IncomeInput;
import cn.fpjc.core.funds.asset.AssetViews.IncomeView;
import cn.fpjc.core.funds.asset.AssetViews.LineInput;
import cn.fpjc.core.funds.asset.AssetViews.LineView;
import cn.fpjc.core.funds.asset.AssetViews.OverdueCheck;
import cn.fpjc.core.funds.asset.AssetViews.OverdueChecks;
import cn.fpjc.core.funds.asset.AssetViews.PlanRule;
import cn.fpjc.core.funds.project.Project;
import cn.fpjc.core.funds.project.ProjectFunding;
import cn.fpjc.core.funds.project.ProjectNature;
import cn.fpjc.core.funds.project.ProjectStatus;
import cn.fpjc.core.platform.query.InLists;
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
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.RegistryService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 项目资产 (000 (十八); 001 第三部分三(二)4; 003 二(三)9; 004 二(五)): the ledger of assets formed by audited projects, the
 * 确权登记移交 clock, maintenance by level against the county's cadence, income and its distribution (no flat hand-outs),
 * idle-asset review, 四个一批 classification, and disposal only with a valuation and the county approver's approval. Every
 * event goes into the asset's history.
 */
@ApplicationScoped
public class AssetService {
    static final String[] MANAGERS = { Roles.COUNTY_ADMIN };
    static final String[] READERS = RegistryService.READERS;
    static final String CONFIRM_MONTHS = "funds.asset-confirm-months-after-audit";
    static final String PLAN_THRESHOLD = "funds.project-plan-threshold";

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    @Inject
    AssetCheckScan scan;

    // ---------------------------------------------------------------- ledger

    /** Registers an asset of an audited project (several per project allowed); the project's audit date is kept. */
    @Transactional
    public AssetView create(AssetInput in) {
        user.requireAnyRole(MANAGERS);
        if (in == null || in.projectId() == null) {
            throw invalid("projectId", "请选择形成资产的项目");
        }
        Project project = Project.findById(in.projectId());
        if (project == null) {
            throw invalid("projectId", "没有这个项目");
        }
        if (project.status != ProjectStatus.AUDITED || project.auditedOn == null) {
            throw new ApiException(AssetError.ASSET_PROJECT_NOT_AUDITED, "项目“" + project.name + "”当前为“" + project.status.label()
                    + "”，竣工验收并完成决算审计后再登记资产");
        }
        ProjectAsset a = new ProjectAsset();
        a.projectId = project.id;
        a.name = required(in.name(), "name", "请填写资产名称", 200);
        a.nature = enumValue(ProjectNature.class, in.nature(), "nature", "请选择资产类别：经营性、公益性或到户类");
        a.owner = required(in.owner(), "owner", "请填写资产权属（如某村股份经济合作社）", 200);
        a.custodian = required(in.custodian(), "custodian", "请填写管护主体", 200);
        a.value = money(in.value(), "value", "资产价值");
        String village = in.villageCode() == null ? "" : in.villageCode().strip();
        if (!OrgScope.isVillage(village) || !OrgScope.covers(user.orgCode(), village)) {
            throw invalid("villageCode", "请选择本县的一个村");
        }
        if (!project.villages.isEmpty() && !project.villages.contains(village)) {
            throw invalid("villageCode", "资产所在村应是项目涉及的村之一");
        }
        a.villageCode = village;
        a.auditedOn = project.auditedOn;
        a.registeredOn = clock.today();
        a.status = AssetStatus.IN_USE;
        a.createdBy = user.username();
        a.createdAt = clock.now();
        a.persistAndFlush();
        event(a, "登记入账", a.registeredOn, "由项目“" + project.name + "”（决算审计 " + project.auditedOn + "）形成，" + a.nature.label() + "资产，价值 "
                + AssetRules.plain(a.value) + " 元，权属 " + a.owner + "，管护主体 " + a.custodian);
        audit.record("CREATE", "fund_asset", String.valueOf(a.id), null, Map.of("name", a.name, "projectId", a.projectId, "value", a.value));
        return views(List.of(a)).get(0);
    }

    /** The ledger in the caller's scope, by nature, village and status; paged from 0. */
    @Transactional
    public Page list(String nature, String village, String status, int page, int size) {
        user.requireAnyRole(READERS);
        StringBuilder where = new StringBuilder("villageCode like :scope");
        Map<String, Object> args = new HashMap<>();
        args.put("scope", OrgScope.likePrefix(user.orgCode()));
        if (village != null && !village.isBlank()) {
            where.append(" and villageCode like :village");
            args.put("village", OrgScope.likePrefix(village.strip()));
        }
        if (nature != null && !nature.isBlank()) {
            where.append(" and nature = :nature");
            args.put("nature", enumValue(ProjectNature.class, nature, "nature", "类别应为 OPERATING、PUBLIC_WELFARE 或 HOUSEHOLD"));
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            args.put("status", enumValue(AssetStatus.class, status, "status", "状态不正确"));
        }
        var query = ProjectAsset.<ProjectAsset>find(where.toString(), Sort.by("nature").and("villageCode").and("id"), args);
        long total = query.count();
        // The shared window keeps any page/size a URL can carry within an int offset (page=2147483647 is simply empty).
        cn.fpjc.core.platform.web.Page.Window w = cn.fpjc.core.platform.web.Page.window(page, size, 500);
        List<ProjectAsset> rows = query.page(w.page(), w.size()).list();
        return new Page(total, views(rows));
    }

    /** Every asset in scope, ordered for the 资产台账 (by nature, village); for the workbook. */
    @Transactional
    public List<AssetView> ledger() {
        user.requireAnyRole(READERS);
        return views(ProjectAsset.list("villageCode like ?1 order by nature, villageCode, id", OrgScope.likePrefix(user.orgCode())));
    }

    public record Page(long total, List<AssetView> items) {
    }

    @Transactional
    public AssetDetail detail(long id) {
        user.requireAnyRole(READERS);
        ProjectAsset a = scoped(id);
        List<CheckView> checks = AssetCheck.<AssetCheck>list("assetId = ?1", Sort.descending("checkedOn").and("id", Sort.Direction.Descending), a.id)
                .stream().map(c -> new CheckView(c.id, c.level.name(), c.level.label(), c.checkedOn, c.inspector, c.findings,
                        c.condition.name(), c.condition.label()))
                .toList();
        List<IncomeView> incomes = incomeViews(AssetIncome.list("assetId = ?1", Sort.descending("receivedOn").and("id", Sort.Direction.Descending), a.id));
        List<EventView> history = AssetEvent.<AssetEvent>list("assetId = ?1", Sort.by("id"), a.id).stream()
                .map(e -> new EventView(e.happenedOn, e.kind, e.detail, e.actor)).toList();
        return new AssetDetail(views(List.of(a)).get(0), planRule(a), checks, incomes, history);
    }

    // ---------------------------------------------------------------- 确权

    @Transactional
    public AssetView confirm(long id, ConfirmationInput in) {
        user.requireAnyRole(MANAGERS);
        ProjectAsset a = writable(id, in == null ? null : in.version());
        LocalDate on = pastDate(in.confirmedOn(), "confirmedOn", "请填写确权登记移交日期");
        if (on.isBefore(a.auditedOn)) {
            throw invalid("confirmedOn", "确权登记移交日期不能早于项目决算审计日期 " + a.auditedOn);
        }
        a.confirmedOn = on;
        a.confirmationDoc = required(in.confirmationDoc(), "confirmationDoc", "请填写确权登记或移交凭证（文号、登记证号）", 200);
        ProjectAsset.getEntityManager().flush();
        event(a, "确权登记移交", on, "凭证：" + a.confirmationDoc + "；" + AssetRules.confirmation(a.auditedOn, on, confirmMonths(a), clock.today()).state());
        audit.record("CONFIRM", "fund_asset", String.valueOf(a.id), null, Map.of("confirmedOn", on.toString(), "doc", a.confirmationDoc));
        return views(List.of(a)).get(0);
    }

    // ---------------------------------------------------------------- 管护检查

    /**
     * A maintenance or inspection log. Each level belongs to its own staff: village clerks log 村级管护 for their village's
     * assets, township reviewers 乡镇检查 for their township's, county staff 县级督导.
     */
    @Transactional
    public CheckView logCheck(long id, CheckInput in) {
        user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK);
        ProjectAsset a = scoped(id);
        if (a.status == AssetStatus.DISPOSED) {
            throw new ApiException(AssetError.ASSET_DISPOSED, "资产已于 " + a.disposedOn + " 处置");
        }
        if (in == null) {
            throw invalid("level", "请选择检查层级");
        }
        CheckLevel level = enumValue(CheckLevel.class, in.level(), "level", "请选择检查层级：村级管护、乡镇检查或县级督导");
        CheckLevel mine = user.hasRole(Roles.VILLAGE_CLERK) ? CheckLevel.VILLAGE
                : user.hasRole(Roles.TOWNSHIP_REVIEWER) ? CheckLevel.TOWNSHIP : CheckLevel.COUNTY;
        if (level != mine) {
            throw new ApiException(AssetError.ASSET_CHECK_LEVEL_NOT_YOURS, "本人可登记的是“" + mine.label() + "”，不能登记“" + level.label() + "”");
        }
        AssetCheck c = new AssetCheck();
        c.assetId = a.id;
        c.level = level;
        c.checkedOn = pastDate(in.checkedOn(), "checkedOn", "请填写检查日期");
        if (c.checkedOn.isBefore(a.auditedOn)) {
            throw invalid("checkedOn", "检查日期不能早于项目决算审计日期 " + a.auditedOn);
        }
        c.inspector = required(in.inspector(), "inspector", "请填写检查（管护）人", 64);
        c.findings = required(in.findings(), "findings", "请填写检查发现的情况", 1000);
        c.condition = enumValue(AssetCondition.class, in.condition(), "condition", "请选择资产状况：完好、需维修、损毁或闲置");
        c.createdBy = user.username();
        c.createdAt = clock.now();
        c.persistAndFlush();
        event(a, level.label(), c.checkedOn, c.inspector + "：" + c.findings + "（" + c.condition.label() + "）");
        audit.record("CHECK", "fund_asset", String.valueOf(a.id), null, Map.of("level", level.name(), "checkedOn", c.checkedOn.toString()));
        return new CheckView(c.id, c.level.name(), c.level.label(), c.checkedOn, c.inspector, c.findings, c.condition.name(), c.condition.label());
    }

    /** Overdue maintenance in scope as of today (the county's clock): one set-based scan, the count and the rows. */
    @Transactional
    public OverdueChecks overdueChecks() {
        user.requireAnyRole(READERS);
        Map<CheckLevel, Integer> cadence = new EnumMap<>(CheckLevel.class);
        List<String> notSet = new ArrayList<>();
        for (CheckLevel l : CheckLevel.values()) {
            EffectiveParameter p = parameter(l.parameter());
            if (p.origin() == ParameterOrigin.NOT_SET) {
                notSet.add(l.label() + "：本县未设定周期");
            } else {
                cadence.put(l, Integer.parseInt(p.value().strip()));
            }
        }
        LocalDate today = clock.today();
        List<AssetCheckScan.Row> rows = scan.overdue(ProjectAsset.getEntityManager(), cadence, OrgScope.likePrefix(user.orgCode()), today);
        Map<String, String> names = RegistryService.villageNames(rows.stream().map(AssetCheckScan.Row::villageCode).collect(Collectors.toSet()));
        List<OverdueCheck> items = rows.stream().map(r -> new OverdueCheck(r.assetId(), r.assetName(), r.villageCode(),
                names.getOrDefault(r.villageCode(), r.villageCode()), r.level().name(), r.level().label(), r.months(), r.lastCheckedOn(), r.dueOn()))
                .toList();
        return new OverdueChecks(today, items.size(), notSet, items);
    }

    // ---------------------------------------------------------------- 收益

    /** Records an income and its distribution plan; refused unless it adds up and is no flat hand-out ({@link AssetRules#distribution}). */
    @Transactional
    public IncomeView recordIncome(long id, IncomeInput in) {
        user.requireAnyRole(MANAGERS);
        ProjectAsset a = scoped(id);
        if (a.status == AssetStatus.DISPOSED) {
            throw new ApiException(AssetError.ASSET_DISPOSED, "资产已于 " + a.disposedOn + " 处置");
        }
        if (in == null) {
            throw invalid("amount", "请填写收益金额");
        }
        AssetIncome income = new AssetIncome();
        income.assetId = a.id;
        income.receivedOn = pastDate(in.receivedOn(), "receivedOn", "请填写收益到账日期");
        income.amount = money(in.amount(), "amount", "收益金额");
        income.payer = required(in.payer(), "payer", "请填写付款方（承租方、合作企业或自营）", 200);
        income.note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (in.lines() == null || in.lines().isEmpty()) {
            throw invalid("lines", "请填写收益分配方案（至少一行）");
        }
        List<AssetDistributionLine> lines = new ArrayList<>();
        Set<Long> householdIds = new HashSet<>();
        for (int i = 0; i < in.lines().size(); i++) {
            LineInput li = in.lines().get(i);
            String f = "lines[" + i + "]";
            if (li == null) {
                throw invalid(f, "分配明细不能为空");
            }
            AssetDistributionLine l = new AssetDistributionLine();
            l.kind = enumValue(DistributionKind.class, li.kind(), f + ".kind", "请选择分配方式");
            l.amount = money(li.amount(), f + ".amount", "分配金额");
            l.basis = li.basis() == null || li.basis().isBlank() ? null : li.basis().strip();
            if (l.basis != null && l.basis.length() > 300) {
                throw invalid(f + ".basis", "依据不超过 300 个字");
            }
            if (l.kind == DistributionKind.COLLECTIVE_RETAINED) {
                if (li.householdId() != null) {
                    throw invalid(f + ".householdId", "村集体留存不对应农户");
                }
            } else {
                if (li.householdId() == null) {
                    throw invalid(f + ".householdId", "请选择受益农户");
                }
                l.householdId = li.householdId();
                householdIds.add(l.householdId);
            }
            lines.add(l);
        }
        Map<Long, Household> households = InLists.list(Household.getEntityManager(), "from Household where id in :keys", Household.class,
                householdIds).stream().collect(Collectors.toMap(h -> h.id, Function.identity()));
        // Income goes to households of the asset's village or of its project's villages, within the recorder's scope.
        Set<String> villages = new HashSet<>(cn.fpjc.core.funds.project.Project.<cn.fpjc.core.funds.project.Project>findByIdOptional(a.projectId)
                .map(p -> p.villages).orElse(Set.of()));
        villages.add(a.villageCode);
        for (int i = 0; i < lines.size(); i++) {
            Long hid = lines.get(i).householdId;
            if (hid != null && (!households.containsKey(hid) || !households.get(hid).active)) {
                throw invalid("lines[" + i + "].householdId", "户籍库中没有这一在册农户");
            }
            if (hid != null && (!OrgScope.covers(user.orgCode(), households.get(hid).villageCode) || !villages.contains(households.get(hid).villageCode))) {
                throw invalid("lines[" + i + "].householdId", "该户不在资产所在村或项目涉及的村");
            }
        }
        AssetRules.distribution(income.amount, lines);
        income.createdBy = user.username();
        income.createdAt = clock.now();
        income.persistAndFlush();
        for (AssetDistributionLine l : lines) {
            l.incomeId = income.id;
            l.persist();
        }
        ProjectAsset.getEntityManager().flush();
        IncomeView view = incomeViews(List.of(income)).get(0);
        event(a, "收益分配", income.receivedOn, "收到 " + income.payer + " 收益 " + AssetRules.plain(income.amount) + " 元，分配 " + lines.size()
                + " 项，其中监测对象和脱贫户 " + AssetRules.plain(view.priorityAmount()) + " 元（" + view.prioritySharePercent().toPlainString() + "%）");
        audit.record("INCOME", "fund_asset", String.valueOf(a.id), null, Map.of("incomeId", income.id, "amount", income.amount));
        return view;
    }

    // ---------------------------------------------------------------- 闲置, 四个一批

    @Transactional
    public AssetView markIdle(long id, IdleInput in) {
        user.requireAnyRole(MANAGERS);
        ProjectAsset a = writable(id, in == null ? null : in.version());
        if (a.status != AssetStatus.IN_USE) {
            throw new ApiException(AssetError.ASSET_STEP_NOT_ALLOWED, "资产当前为“" + a.status.label() + "”");
        }
        a.idleSince = pastDate(in.idleSince(), "idleSince", "请填写闲置起始日期");
        a.idleReason = required(in.reason(), "reason", "请填写闲置原因", 500);
        a.status = AssetStatus.IDLE;
        ProjectAsset.getEntityManager().flush();
        event(a, "认定闲置", a.idleSince, a.idleReason);
        audit.record("IDLE", "fund_asset", String.valueOf(a.id), null, Map.of("reason", a.idleReason));
        return views(List.of(a)).get(0);
    }

    /** The review of an idle asset: the measure taken (提升自营, 招商引资, 转租转包, 退出转型 …); back in use when it worked. */
    @Transactional
    public AssetView reviewIdle(long id, IdleReviewInput in) {
        user.requireAnyRole(MANAGERS);
        ProjectAsset a = writable(id, in == null ? null : in.version());
        if (a.status != AssetStatus.IDLE) {
            throw new ApiException(AssetError.ASSET_STEP_NOT_ALLOWED, "只有闲置资产需要盘活复核，资产当前为“" + a.status.label() + "”");
        }
        LocalDate on = pastDate(in.reviewedOn(), "reviewedOn", "请填写复核日期");
        String measure = required(in.measure(), "measure", "请填写盘活措施", 500);
        if (in.backInUse()) {
            a.status = AssetStatus.IN_USE;
            a.idleReason = null;
            a.idleSince = null;
        }
        ProjectAsset.getEntityManager().flush();
        event(a, "闲置复核", on, measure + (in.backInUse() ? "；已盘活，恢复在用" : "；仍闲置"));
        audit.record("IDLE_REVIEW", "fund_asset", String.valueOf(a.id), null, Map.of("measure", measure, "backInUse", in.backInUse()));
        return views(List.of(a)).get(0);
    }

    /** 四个一批 classification; the plan is required when the project's investment reaches the province's threshold. */
    @Transactional
    public AssetView classify(long id, ClassificationInput in) {
        user.requireAnyRole(MANAGERS);
        ProjectAsset a = writable(id, in == null ? null : in.version());
        AssetClass cls = enumValue(AssetClass.class, in.assetClass(), "assetClass", "请选择“四个一批”分类：巩固、升级、盘活或调整");
        String plan = in.plan() == null || in.plan().isBlank() ? null : in.plan().strip();
        if (plan != null && plan.length() > 4000) {
            throw invalid("plan", "方案不超过 4000 个字");
        }
        PlanRule rule = planRule(a);
        if (rule.required() && plan == null) {
            throw new ApiException(AssetError.ASSET_PLAN_REQUIRED, rule.rule() + "（依据：" + rule.source() + "）");
        }
        a.assetClass = cls;
        a.classPlan = plan;
        ProjectAsset.getEntityManager().flush();
        event(a, "四个一批分类", clock.today(), cls.label() + (plan == null ? "" : "；方案：" + shorten(plan)));
        audit.record("CLASSIFY", "fund_asset", String.valueOf(a.id), null, Map.of("class", cls.name()));
        return views(List.of(a)).get(0);
    }

    // ---------------------------------------------------------------- 处置

    /** Proposes a disposal: only with a valuation (评估价值, 评估机构) (001 第三部分三(二)4③); the county approver decides. */
    @Transactional
    public AssetView proposeDisposal(long id, DisposalInput in) {
        user.requireAnyRole(MANAGERS);
        ProjectAsset a = writable(id, in == null ? null : in.version());
        if (a.status != AssetStatus.IN_USE && a.status != AssetStatus.IDLE) {
            throw new ApiException(AssetError.ASSET_STEP_NOT_ALLOWED, "资产当前为“" + a.status.label() + "”");
        }
        List<FieldError> missing = new ArrayList<>();
        if (in.valuation() == null || in.valuation().signum() < 0 || in.valuation().scale() > 2) {
            missing.add(new FieldError("valuation", "请填写评估价值（元，最多两位小数）"));
        }
        if (in.valuer() == null || in.valuer().isBlank()) {
            missing.add(new FieldError("valuer", "请填写评估机构"));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(AssetError.ASSET_DISPOSAL_NEEDS_VALUATION, "任何单位和个人不得随意处置国有和集体资产；确需处置的，应进行资产评估并履行审批手续",
                    missing);
        }
        a.valuation = in.valuation().setScale(2);
        a.valuer = required(in.valuer(), "valuer", "请填写评估机构", 200);
        a.disposalMethod = required(in.method(), "method", "请填写处置方式（拍卖、转让、报废等）", 200);
        a.disposalRequestedBy = user.username();
        a.status = AssetStatus.DISPOSAL_PENDING;
        ProjectAsset.getEntityManager().flush();
        event(a, "提出处置", clock.today(), a.disposalMethod + "，评估价值 " + AssetRules.plain(a.valuation) + " 元（" + a.valuer + "）");
        audit.record("DISPOSAL_PROPOSE", "fund_asset", String.valueOf(a.id), null, Map.of("valuation", a.valuation, "valuer", a.valuer));
        return views(List.of(a)).get(0);
    }

    @Transactional
    public AssetView decideDisposal(long id, DisposalDecision in) {
        user.requireAnyRole(Roles.COUNTY_APPROVER);
        ProjectAsset a = writable(id, in == null ? null : in.version());
        if (a.status != AssetStatus.DISPOSAL_PENDING) {
            throw new ApiException(AssetError.ASSET_STEP_NOT_ALLOWED, "该资产没有待审批的处置");
        }
        String opinion = required(in.opinion(), "opinion", "请填写审批意见", 500);
        if (in.approve()) {
            a.disposedOn = in.disposedOn() == null ? clock.today() : pastDate(in.disposedOn(), "disposedOn", "请填写处置日期");
            a.disposalApprovedBy = user.username();
            a.status = AssetStatus.DISPOSED;
            ProjectAsset.getEntityManager().flush();
            event(a, "批准处置", a.disposedOn, opinion + "；" + a.disposalMethod + "，评估价值 " + AssetRules.plain(a.valuation) + " 元");
        } else {
            a.status = a.idleSince != null ? AssetStatus.IDLE : AssetStatus.IN_USE;
            ProjectAsset.getEntityManager().flush();
            event(a, "不予处置", clock.today(), opinion);
        }
        audit.record("DISPOSAL_DECIDE", "fund_asset", String.valueOf(a.id), null, Map.of("approve", in.approve(), "opinion", opinion));
        return views(List.of(a)).get(0);
    }

    // ---------------------------------------------------------------- views

    List<AssetView> views(List<ProjectAsset> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, LocalDate> last = new HashMap<>();
        for (Object[] r : InLists.list(ProjectAsset.getEntityManager(), "select c.assetId, c.level, max(c.checkedOn) from AssetCheck c"
                + " where c.assetId in :keys group by c.assetId, c.level", Object[].class, rows.stream().map(a -> a.id).toList())) {
            last.put(r[0] + "/" + r[1], (LocalDate) r[2]);
        }
        Map<Long, String> projects = InLists.pairs(Project.getEntityManager(), "SELECT id, name FROM fund_project WHERE id IN (:keys)",
                rows.stream().map(a -> a.projectId).toList(), InLists::longKey);
        Map<String, String> villages = RegistryService.villageNames(rows.stream().map(a -> a.villageCode).collect(Collectors.toSet()));
        Map<Integer, EffectiveParameter> confirmByYear = new HashMap<>();
        Map<CheckLevel, EffectiveParameter> cadence = new EnumMap<>(CheckLevel.class);
        for (CheckLevel l : CheckLevel.values()) {
            cadence.put(l, parameter(l.parameter()));
        }
        LocalDate today = clock.today();
        List<AssetView> out = new ArrayList<>();
        for (ProjectAsset a : rows) {
            List<CadenceLevel> levels = new ArrayList<>();
            for (CheckLevel l : CheckLevel.values()) {
                LocalDate lastOn = last.get(a.id + "/" + l);
                EffectiveParameter p = cadence.get(l);
                if (p.origin() == ParameterOrigin.NOT_SET) {
                    levels.add(new CadenceLevel(l.name(), l.label(), null, lastOn, null, false, "本县未设定", null));
                    continue;
                }
                int months = Integer.parseInt(p.value().strip());
                LocalDate due = (lastOn == null ? a.registeredOn : lastOn).plusMonths(months);
                boolean live = a.status != AssetStatus.DISPOSED;
                boolean overdue = live && due.isBefore(today);
                String state = !live ? "已处置" : overdue ? "逾期" : due.minusDays(7).isAfter(today) ? "正常" : "待办";
                levels.add(new CadenceLevel(l.name(), l.label(), months, lastOn, due, overdue, state, p.citation()));
            }
            out.add(new AssetView(a.id, a.projectId, projects.get(a.projectId), a.name, a.nature.name(), a.nature.label(), a.owner, a.custodian,
                    a.value, a.villageCode, villages.getOrDefault(a.villageCode, a.villageCode), a.auditedOn, a.registeredOn, a.confirmedOn,
                    a.confirmationDoc, AssetRules.confirmation(a.auditedOn, a.confirmedOn,
                            confirmByYear.computeIfAbsent(a.auditedOn.getYear(), y -> confirmMonths(a)), today), a.status.name(), a.status.label(),
                    a.idleReason, a.idleSince, a.assetClass == null ? null : a.assetClass.name(), a.assetClass == null ? null : a.assetClass.label(),
                    a.classPlan, a.valuation, a.valuer, a.disposalMethod, a.disposedOn, levels, a.version));
        }
        return out;
    }

    private List<IncomeView> incomeViews(List<AssetIncome> incomes) {
        if (incomes.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AssetDistributionLine>> lines = InLists.list(AssetDistributionLine.getEntityManager(),
                "from AssetDistributionLine where incomeId in :keys order by id", AssetDistributionLine.class, incomes.stream().map(i -> i.id).toList())
                .stream().collect(Collectors.groupingBy(l -> l.incomeId, LinkedHashMap::new, Collectors.toList()));
        Set<Long> hids = lines.values().stream().flatMap(List::stream).map(l -> l.householdId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Household> households = InLists.list(Household.getEntityManager(), "from Household where id in :keys", Household.class, hids)
                .stream().collect(Collectors.toMap(h -> h.id, Function.identity()));
        Map<String, String> villages = RegistryService.villageNames(households.values().stream().map(h -> h.villageCode).collect(Collectors.toSet()));
        List<IncomeView> out = new ArrayList<>();
        for (AssetIncome i : incomes) {
            BigDecimal priority = BigDecimal.ZERO;
            List<LineView> views = new ArrayList<>();
            for (AssetDistributionLine l : lines.getOrDefault(i.id, List.of())) {
                Household h = l.householdId == null ? null : households.get(l.householdId);
                boolean prio = h != null && (h.category == HouseholdCategory.MONITORED || h.category == HouseholdCategory.POVERTY_ALLEVIATED);
                if (prio) {
                    priority = priority.add(l.amount);
                }
                views.add(new LineView(l.householdId, h == null ? null : h.householdNo, h == null ? null : villages.getOrDefault(h.villageCode, h.villageCode),
                        h == null ? null : h.category.label(), prio, l.kind.name(), l.kind.label(), l.amount, l.basis));
            }
            // Share to households given priority: HALF_UP to 0.01 percentage point.
            BigDecimal share = priority.multiply(BigDecimal.valueOf(100)).divide(i.amount, 2, RoundingMode.HALF_UP);
            out.add(new IncomeView(i.id, i.receivedOn, i.amount, i.payer, i.note, views, priority.setScale(2), share));
        }
        return out;
    }

    PlanRule planRule(ProjectAsset a) {
        BigDecimal investment = ProjectFunding.<ProjectFunding>list("projectId", a.projectId).stream().map(f -> f.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return AssetRules.plan(investment, parameter(PLAN_THRESHOLD));
    }

    // ---------------------------------------------------------------- helpers

    /** The asset if the caller's scope covers its village; otherwise 404 (existence is not disclosed out of scope). */
    private ProjectAsset scoped(long id) {
        ProjectAsset a = ProjectAsset.findById(id);
        if (a == null || !OrgScope.covers(user.orgCode(), a.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "没有这一项目资产");
        }
        return a;
    }

    private ProjectAsset writable(long id, Long version) {
        ProjectAsset a = scoped(id);
        if (a.status == AssetStatus.DISPOSED) {
            throw new ApiException(AssetError.ASSET_DISPOSED, "资产已于 " + a.disposedOn + " 处置");
        }
        if (version == null) {
            throw invalid("version", "请提交读取时的版本号");
        }
        Versions.check(a.version, version);
        return a;
    }

    private void event(ProjectAsset a, String kind, LocalDate on, String detail) {
        AssetEvent e = new AssetEvent();
        e.assetId = a.id;
        e.kind = kind;
        e.happenedOn = on;
        e.detail = shorten(detail);
        e.actor = user.username();
        e.createdAt = clock.now();
        e.persist();
    }

    /** The confirmation months in force in the year of the audit: a later change of the parameter does not move old deadlines. */
    private EffectiveParameter confirmMonths(ProjectAsset a) {
        TenantInfo tenant = access.current();
        return parameters.resolve(tenant.provinceId(), tenant.code(), CONFIRM_MONTHS, a.auditedOn.getYear());
    }

    private EffectiveParameter parameter(String key) {
        TenantInfo tenant = access.current();
        return parameters.resolve(tenant.provinceId(), tenant.code(), key, clock.year());
    }

    private LocalDate pastDate(LocalDate date, String field, String message) {
        if (date == null) {
            throw invalid(field, message);
        }
        if (date.isAfter(clock.today())) {
            throw invalid(field, "日期不能晚于今天（" + clock.today() + "）");
        }
        return date;
    }

    private static String shorten(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(field, message);
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, message);
        }
    }
}
