package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 临时救助: for a family or person whose basic living has fallen into hardship (支出型, 急难型, 因灾型) — given on application
 * only, for what happened, so there is no 应享未享 list. The amount is the one applied for, judged at the township's review
 * and the county's approval; an amount up to the province's multiple of the urban monthly 低保 standard (小额临时救助) is
 * approved by the township's review itself. No village 公示. Decided within the province's time limit from acceptance:
 * 一般程序 15 working days (20 where the case is special and complex), 紧急程序 3 days.
 * Sources: 000 兜底保障 三、临时救助 1–5 (Heilongjiang); 001 第二部分五(二)2③ (Henan: 小额临时救助 by the township).
 */
@ApplicationScoped
public class TemporaryAidProgramme implements AssistanceProgramme {
    static final String NORMAL_DAYS = "assistance.temporary-aid.normal-working-days";
    static final String COMPLEX_DAYS = "assistance.temporary-aid.complex-working-days";
    static final String URGENT_DAYS = "assistance.temporary-aid.urgent-days";
    static final String TOWNSHIP_MULTIPLE = "assistance.temporary-aid.township-approval-multiple";
    static final String URBAN_DIBAO = "assistance.dibao.urban-standard-monthly";
    static final String SOURCE = "000 兜底保障 三、临时救助 3：支出型、急难型、因灾型救助对象";
    static final Declaration KIND = new Declaration("kind", "困难类型", List.of(
            new Choice("EXPENSE", "支出型（教育、医疗、残疾照料等必要支出超过家庭承受能力）"),
            new Choice("EMERGENCY", "急难型（交通事故、火灾等意外事件）"),
            new Choice("DISASTER", "因灾型（自然灾害、事故灾难等突发事件）")), null);
    static final Declaration PROCEDURE = new Declaration("procedure", "办理程序", List.of(new Choice("NORMAL", "一般程序"),
            new Choice("COMPLEX", "一般程序（情况特殊复杂）"), new Choice("URGENT", "紧急程序")), "NORMAL");

    @Override
    public String id() {
        return "temporary-aid";
    }

    @Override
    public String name() {
        return "临时救助";
    }

    @Override
    public String summary() {
        return "遭遇突发事件、意外伤害、重大疾病等导致基本生活陷入困境的家庭或个人，依申请给予临时救助金；小额临时救助由乡镇审批，不设村内公示";
    }

    @Override
    public List<String> parameterKeys() {
        return List.of(NORMAL_DAYS, COMPLEX_DAYS, URGENT_DAYS, TOWNSHIP_MULTIPLE, URBAN_DIBAO);
    }

    @Override
    public List<Declaration> declarations() {
        return List.of(KIND, PROCEDURE);
    }

    @Override
    public boolean listsUnclaimed() {
        return false;
    }

    @Override
    public boolean noticeRequired() {
        return false;
    }

    /** The amount is the one applied for: no ceiling is set by the policy. */
    @Override
    public boolean actualCostUpToAmount() {
        return true;
    }

    @Override
    public Candidates candidates() {
        return new Candidates("m.active = true", Map.of()); // any registered member may apply; never listed as 应享未享
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        String kind = who.declared(KIND);
        results.add(rules.fact("遭遇突发事件、意外伤害、重大疾病或其他特殊原因导致基本生活陷入困境（申请时申报）", kind != null,
                kind == null ? "未申报困难情况（临时救助依申请办理）" : "申报：" + KIND.choice(kind).map(Choice::label).orElse(kind), SOURCE));
        return Decision.of(this, who.memberId(), results, null, "按申请金额，经乡镇审核、县级审批核定（小额临时救助由乡镇审批）");
    }

    @Override
    public Limit townshipApprovalLimit(ProgrammeRules rules) {
        BigDecimal standard = rules.money(URBAN_DIBAO);
        if (standard == null || !rules.isSet(TOWNSHIP_MULTIPLE)) {
            return null;
        }
        BigDecimal multiple = new BigDecimal(rules.parameter(TOWNSHIP_MULTIPLE).value().strip());
        BigDecimal limit = standard.multiply(multiple).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Limit(limit, "小额临时救助（不超过城市低保月标准 " + standard.stripTrailingZeros().toPlainString() + " 元的 "
                + multiple.stripTrailingZeros().toPlainString() + " 倍，即 " + limit.stripTrailingZeros().toPlainString()
                + " 元）由乡镇直接审批，报县级民政部门备案；依据：" + rules.parameter(TOWNSHIP_MULTIPLE).citation());
    }

    @Override
    public Due decideBy(LocalDate accepted, Map<String, String> declared, ProgrammeRules rules, WorkingDayCalendar calendar) {
        String procedure = declared.getOrDefault(PROCEDURE.key(), PROCEDURE.defaultChoice());
        String key = switch (procedure) {
            case "URGENT" -> URGENT_DAYS;
            case "COMPLEX" -> COMPLEX_DAYS;
            default -> NORMAL_DAYS;
        };
        if (!rules.isSet(key)) {
            return null;
        }
        int n = Integer.parseInt(rules.parameter(key).value().strip());
        String label = PROCEDURE.choice(procedure).map(Choice::label).orElse(procedure);
        Due due = "URGENT".equals(procedure) ? calendar.afterDays(accepted, n, false) : calendar.afterWorkingDays(accepted, n);
        return new Due(due.date(), label + "：受理之日起" + n + ("URGENT".equals(procedure) ? "日" : "个工作日") + "内完成审核确认（" + due.rule()
                + "；依据：" + rules.parameter(key).citation() + "）", due.extended());
    }
}
