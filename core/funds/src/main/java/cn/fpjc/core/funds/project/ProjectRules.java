package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.FundsInputs;
import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.funds.project.ProjectViews.RuleCheck;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.policy.source.PolicySources;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a project is held to before it enters the library and before it is approved, each explained with the
 * parameter's value and source; a rule whose parameter the province has not set is reported as 本省未设定, never guessed.
 */
public final class ProjectRules {
    static final String LINKAGE = "funds.operating-project-requires-farmer-linkage";
    static final String TARGETS = "funds.project-requires-performance-targets";
    static final String DUE_DILIGENCE = "funds.due-diligence-threshold";
    static final String PASS = "符合";
    static final String FAIL = "不符合";
    static final String NOT_SET = "本省未设定";
    /** Connecting funds and integrated funds: what 000 一、1 adds up for due diligence (衔接资金或脱贫县整合资金). */
    static final Set<FundSource> DUE_DILIGENCE_SOURCES = Set.of(FundSource.CENTRAL, FundSource.PROVINCIAL, FundSource.CITY,
            FundSource.COUNTY, FundSource.INTEGRATED);

    /** The facts of a project the rules read. */
    public record Facts(ProjectNature nature, FundUsage usage, boolean enterpriseRun, int linkages, int targets,
            List<ProjectViews.FundingInput> fundings, boolean dueDiligenceDone) {
    }

    private ProjectRules() {
    }

    /**
     * Every rule that applies; {@code atDecision} makes due diligence a condition (it must be done before the county
     * decides and before approval), otherwise it is reported as still to do.
     */
    public static List<RuleCheck> check(Facts f, Function<String, EffectiveParameter> parameter, boolean atDecision) {
        List<RuleCheck> checks = new ArrayList<>();
        String negative = PolicySources.forPeople(FundUsage.SOURCE);
        checks.add(f.usage().refused()
                ? new RuleCheck("衔接资金负面清单", FAIL, "资金用途「" + f.usage().label() + "」属于负面清单，衔接资金不得用于此类支出", negative)
                : new RuleCheck("衔接资金负面清单", PASS, "资金用途「" + f.usage().label() + "」不在负面清单内", negative));
        if (f.nature() == ProjectNature.OPERATING) {
            EffectiveParameter p = parameter.apply(LINKAGE);
            if (p.origin() == ParameterOrigin.NOT_SET) {
                checks.add(new RuleCheck("经营性项目须建立联农带农机制", NOT_SET, "本省未设定该要求，不作判断", null));
            } else if (Boolean.parseBoolean(p.value().strip())) {
                checks.add(new RuleCheck("经营性项目须建立联农带农机制", f.linkages() > 0 ? PASS : FAIL,
                        f.linkages() > 0 ? "已建立 " + f.linkages() + " 项联农带农机制" : "经营性项目未建立联农带农机制，不得入库、审批", p.citation()));
            }
        }
        EffectiveParameter targets = parameter.apply(TARGETS);
        if (targets.origin() != ParameterOrigin.NOT_SET && Boolean.parseBoolean(targets.value().strip())) {
            checks.add(new RuleCheck("项目须设定绩效目标", f.targets() > 0 ? PASS : FAIL,
                    f.targets() > 0 ? "已设定 " + f.targets() + " 项绩效目标" : "没有绩效目标的项目不得纳入项目库", targets.citation()));
        }
        if (f.enterpriseRun()) {
            EffectiveParameter p = parameter.apply(DUE_DILIGENCE);
            BigDecimal invested = f.fundings().stream().filter(x -> DUE_DILIGENCE_SOURCES.contains(FundSource.valueOf(x.source())))
                    .map(ProjectViews.FundingInput::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (p.origin() == ParameterOrigin.NOT_SET) {
                checks.add(new RuleCheck("依托企业实施的大额项目须履行尽职调查", NOT_SET, "本省未设定尽职调查的投入规模，不作判断", null));
            } else {
                BigDecimal threshold = new BigDecimal(p.value().strip());
                if (invested.compareTo(threshold) < 0) {
                    checks.add(new RuleCheck("依托企业实施的大额项目须履行尽职调查", PASS, "衔接资金和整合资金投入 " + FundsInputs.plain(invested)
                            + " 元，低于 " + FundsInputs.plain(threshold) + " 元，无须尽职调查", p.citation()));
                } else {
                    String fact = "依托企业实施，衔接资金和整合资金投入 " + FundsInputs.plain(invested) + " 元，达到 " + FundsInputs.plain(threshold) + " 元";
                    checks.add(f.dueDiligenceDone() ? new RuleCheck("依托企业实施的大额项目须履行尽职调查", PASS, fact + "，已履行尽职调查", p.citation())
                            : new RuleCheck("依托企业实施的大额项目须履行尽职调查", atDecision ? FAIL : "待办理",
                                    fact + "，须在县级审定、立项前履行尽职调查程序", p.citation()));
                }
            }
        }
        return checks;
    }
}
