package cn.fpjc.core.assistance.national;

import cn.fpjc.core.assistance.loan.Loan;
import cn.fpjc.core.assistance.loan.LoanProducts;
import cn.fpjc.core.assistance.loan.LoanStatus;
import cn.fpjc.core.assistance.national.NationalColumns.Column;
import cn.fpjc.core.assistance.payment.BankFiles;
import cn.fpjc.core.assistance.payment.InstructionStatus;
import cn.fpjc.core.monitoring.AssistancePlan;
import cn.fpjc.core.monitoring.MonitoringCase;
import cn.fpjc.core.monitoring.PlanMeasure;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.core.monitoring.RiskState;
import cn.fpjc.core.platform.query.InLists;
import jakarta.persistence.EntityManager;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.IncomeRecord;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.registry.RegistryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The monitored households and their assistance laid out for the national system (全国防止返贫监测和衔接推进乡村振兴信息系统):
 * sheet 监测户 (one row per monitored household — its identification case with a risk state — with the registry's facts,
 * the case's type, risks and dates, the 一户一策 and the loans and payments this system recorded), sheet 家庭成员 (the
 * registered members of those households) and sheet 说明 (every column's source and assumption, {@link NationalColumns}).
 *
 * <p>Scope as the registry ledger ({@code RegistryExport}): the reader's org scope, village by village; a page of cases
 * at a time, each in its own short read transaction; ID numbers masked as in every other export. It lives in
 * assistance because it reads loans and payments, and assistance may read monitoring (not the other way round).
 */
@ApplicationScoped
public class NationalExport {
    static final int PAGE = 500;
    static final String HOUSEHOLDS = "监测户";
    static final String MEMBERS = "家庭成员";
    static final String NOTES = "说明";

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    AppClock clock;

    /** The caller's filters, checked before anything is written: a village (or township) in scope, a risk state. */
    public record Filter(String village, RiskState state) {
    }

    /** Refuses a caller without a staff role, a village outside the scope and an unknown state (400/403/404, never a half file). */
    public Filter check(String village, String state) {
        user.requireAnyRole(RegistryService.WRITERS);
        String v = village == null || village.isBlank() ? null : village.strip();
        if (v != null && !OrgScope.covers(user.orgCode(), v)) {
            throw new ApiException(PlatformError.NOT_FOUND, "村");
        }
        RiskState s = null;
        if (state != null && !state.isBlank()) {
            s = java.util.Arrays.stream(RiskState.values()).filter(x -> x.name().equals(state.strip()) || x.label().equals(state.strip()))
                    .findFirst().orElseThrow(() -> new ApiException(PlatformError.VALIDATION_FAILED, null,
                            List.of(new FieldError("state", "风险状态应为：风险未消除、风险已消除或兜底保障户"))));
        }
        return new Filter(v, s);
    }

    /** Writes the workbook; returns the number of monitored households written. */
    public long write(Filter filter, OutputStream out) throws IOException {
        String scope = OrgScope.likePrefix(filter.village() == null ? user.orgCode() : filter.village());
        String county = access.current().code();
        String title = access.current().name() + "监测对象信息（全国防止返贫监测信息系统上传用，" + clock.today() + "导出）";
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = sheet(wb, HOUSEHOLDS, title, NationalColumns.HOUSEHOLD);
        Map<String, String[]> places = new HashMap<>();
        List<long[]> households = new ArrayList<>(); // household id, case id: the members sheet follows the same order
        Map<Long, String> numbers = new HashMap<>();
        int row = 2;
        List<String> villages = QuarkusTransaction.requiringNew().call(() -> MonitoringCase.getEntityManager()
                .createQuery("select distinct c.villageCode from MonitoringCase c where c.parentCaseId is null and c.riskState is not null"
                        + " and c.villageCode like :scope order by c.villageCode", String.class).setParameter("scope", scope).getResultList());
        for (String village : villages) {
            long after = 0;
            while (true) {
                long from = after;
                List<Line> lines = QuarkusTransaction.requiringNew().call(() -> page(village, filter.state(), from, places));
                for (Line l : lines) {
                    cells(ws, row, l, households.size() + 1, county);
                    households.add(new long[] {l.c.householdId, l.c.id});
                    numbers.put(l.c.householdId, l.h.householdNo);
                    row++;
                }
                ws.flush();
                if (lines.size() < PAGE) {
                    break;
                }
                after = lines.get(lines.size() - 1).c.id;
            }
        }
        ws.finish();
        members(sheet(wb, MEMBERS, title, NationalColumns.MEMBER), households, numbers);
        notes(wb.newWorksheet(NOTES), title, households.size());
        wb.finish();
        return households.size();
    }

    private static Worksheet sheet(Workbook wb, String name, String title, List<Column> columns) {
        Worksheet ws = wb.newWorksheet(name);
        text(ws, 0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        String[] headers = NationalColumns.headers(columns);
        for (int c = 0; c < headers.length; c++) {
            ws.value(1, c, headers[c]);
            ws.style(1, c).bold().fillColor("DDEBF7").set();
        }
        ws.freezePane(0, 2);
        return ws;
    }

    /** One monitored household with what the row needs, read in the page's transaction. */
    private record Line(MonitoringCase c, Household h, Member head, long memberCount, String[] place, IncomeRecord income,
            AssistancePlan plan, String measures, String loans, BigDecimal paid, String paidDetail) {
    }

    private List<Line> page(String village, RiskState state, long after, Map<String, String[]> places) {
        StringBuilder where = new StringBuilder("parentCaseId is null and riskState is not null and villageCode = :village and id > :after");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("village", village);
        p.put("after", after);
        if (state != null) {
            where.append(" and riskState = :state");
            p.put("state", state);
        }
        List<MonitoringCase> cases = MonitoringCase.<MonitoringCase>find(where.toString(), Sort.by("id"), p).page(0, PAGE).list();
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Long> ids = cases.stream().map(c -> c.householdId).distinct().toList();
        EntityManager em = Household.getEntityManager();
        Map<Long, Household> households = byKey(InLists.list(em, "from Household where id in :keys", Household.class, ids), h -> h.id);
        List<Member> members = InLists.list(em, "from Member where householdId in :keys order by id", Member.class, ids);
        Map<Long, Member> memberById = members.stream().collect(Collectors.toMap(m -> m.id, m -> m));
        Map<Long, List<Member>> byHousehold = members.stream().collect(Collectors.groupingBy(m -> m.householdId));
        Map<Long, IncomeRecord> incomes = new HashMap<>(); // the latest year wins
        InLists.list(em, "from IncomeRecord where householdId in :keys order by incomeYear", IncomeRecord.class, ids)
                .forEach(i -> incomes.put(i.householdId, i));
        List<Long> caseIds = cases.stream().map(c -> c.id).toList();
        Map<Long, AssistancePlan> plans = byKey(InLists.list(em, "from AssistancePlan where caseId in :keys", AssistancePlan.class, caseIds),
                x -> x.caseId);
        Map<Long, List<PlanMeasure>> measures = InLists.list(em, "from PlanMeasure where planId in :keys order by startOn, id", PlanMeasure.class,
                plans.values().stream().map(x -> x.id).toList()).stream()
                .collect(Collectors.groupingBy(m -> m.planId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<Loan>> loans = InLists.list(em, "from Loan where householdId in :keys and status in (:disbursed, :closed)"
                + " order by disbursedOn, id", Loan.class, ids, q -> q.setParameter("disbursed", LoanStatus.DISBURSED)
                .setParameter("closed", LoanStatus.CLOSED)).stream().collect(Collectors.groupingBy(l -> l.householdId));
        Map<Long, Map<String, BigDecimal>> paid = paid(members.stream().map(m -> m.id).toList());
        places(cases.stream().map(c -> c.villageCode).distinct().toList(), places);
        List<Line> lines = new ArrayList<>();
        for (MonitoringCase c : cases) {
            List<Member> own = byHousehold.getOrDefault(c.householdId, List.of());
            Member head = own.stream().filter(m -> m.active && m.relation == Relation.HEAD).findFirst().orElse(null);
            AssistancePlan plan = plans.get(c.id);
            Map<String, BigDecimal> money = paid.getOrDefault(c.householdId, Map.of());
            lines.add(new Line(c, households.get(c.householdId), head, own.stream().filter(m -> m.active).count(), places.get(c.villageCode),
                    incomes.get(c.householdId), plan, plan == null ? null : measures(measures.getOrDefault(plan.id, List.of()), memberById),
                    loans(loans.getOrDefault(c.householdId, List.of())), money.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    money.entrySet().stream().map(e -> e.getKey() + " " + money(e.getValue()) + "元").collect(Collectors.joining("；"))));
        }
        return lines;
    }

    private static void cells(Worksheet ws, int r, Line l, int no, String county) {
        ws.value(r, 0, no);
        text(ws, r, 1, county);
        text(ws, r, 2, l.place == null ? null : l.place[1]);
        text(ws, r, 3, l.place == null ? null : l.place[0]);
        text(ws, r, 4, l.c.villageCode);
        text(ws, r, 5, l.h.householdNo);
        text(ws, r, 6, l.head == null ? null : l.head.name);
        text(ws, r, 7, l.head == null ? null : l.head.idMasked);
        ws.value(r, 8, l.memberCount);
        text(ws, r, 9, l.h.category.label());
        text(ws, r, 10, l.c.monitoringType.label());
        text(ws, r, 11, String.join("、", RiskCategory.labels(l.c.riskCategories)));
        text(ws, r, 12, date(l.c.approvedOn));
        text(ws, r, 13, l.c.riskState.label());
        text(ws, r, 14, date(l.c.riskStateOn));
        text(ws, r, 15, l.h.relocated ? "是" : "否");
        text(ws, r, 16, l.h.noLabourCapacity ? "是" : "否");
        if (l.income != null) {
            ws.value(r, 17, l.income.incomeYear);
            ws.value(r, 18, l.income.perCapita.setScale(2, RoundingMode.HALF_UP));
        }
        if (l.plan != null) {
            text(ws, r, 19, l.plan.responsibleOfficial);
            text(ws, r, 20, date(l.plan.adjustedOn));
            text(ws, r, 21, l.measures);
        }
        text(ws, r, 22, l.loans);
        ws.value(r, 23, l.paid.setScale(2, RoundingMode.HALF_UP));
        text(ws, r, 24, l.paidDetail);
    }

    /** The members sheet: the registered (active) members of the exported households, in the same order. */
    private static void members(Worksheet ws, List<long[]> households, Map<Long, String> numbers) throws IOException {
        int row = 2;
        for (int from = 0; from < households.size(); from += PAGE) {
            List<Long> ids = households.subList(from, Math.min(households.size(), from + PAGE)).stream().map(h -> h[0]).toList();
            List<Member> members = QuarkusTransaction.requiringNew().call(() -> InLists.list(Member.getEntityManager(),
                    "from Member where householdId in :keys and active = true order by id", Member.class, ids));
            Map<Long, List<Member>> byHousehold = members.stream().collect(Collectors.groupingBy(m -> m.householdId));
            for (Long id : ids) {
                for (Member m : byHousehold.getOrDefault(id, List.of())) {
                    text(ws, row, 0, numbers.get(id));
                    text(ws, row, 1, m.name);
                    text(ws, row, 2, m.relation.label());
                    text(ws, row, 3, m.idMasked);
                    text(ws, row, 4, "M".equals(m.sex) ? "男" : "女");
                    text(ws, row, 5, m.labour.label());
                    text(ws, row, 6, m.health.label());
                    text(ws, row, 7, m.schooling == null ? null : m.schooling.label());
                    text(ws, row, 8, m.employmentPlace == null ? null : m.employmentPlace.label());
                    if (m.employmentMonths != null) {
                        ws.value(row, 9, m.employmentMonths);
                    }
                    text(ws, row, 10, m.medicalInsured ? "是" : "否");
                    row++;
                }
            }
            ws.flush();
        }
        ws.finish();
    }

    /** The 说明 sheet: what the workbook is, how ID numbers are given, and every column's source and assumption. */
    private static void notes(Worksheet ws, String title, int households) throws IOException {
        text(ws, 0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        text(ws, 1, 0, "共" + households + "户监测对象（识别纳入且有风险状态的农户，不含办理中或不予纳入的案件）。");
        text(ws, 2, 0, "表格式：" + NationalColumns.LAYOUT);
        text(ws, 3, 0, "证件号码：" + NationalColumns.ID_NUMBERS);
        text(ws, 4, 0, "日期写作“2024-10-16”；金额单位为元，保留2位小数（四舍五入）。");
        String[] headers = { "工作表", "列", "内容出处", "假设与说明" };
        for (int c = 0; c < headers.length; c++) {
            ws.value(6, c, headers[c]);
            ws.style(6, c).bold().fillColor("DDEBF7").set();
        }
        int r = 7;
        Map<String, List<Column>> sheets = new LinkedHashMap<>();
        sheets.put(HOUSEHOLDS, NationalColumns.HOUSEHOLD);
        sheets.put(MEMBERS, NationalColumns.MEMBER);
        for (Map.Entry<String, List<Column>> sheet : sheets.entrySet()) {
            for (Column c : sheet.getValue()) {
                text(ws, r, 0, sheet.getKey());
                text(ws, r, 1, c.header());
                text(ws, r, 2, c.sourceForPeople());
                text(ws, r, 3, c.assumption());
                r++;
            }
        }
        ws.width(1, 24);
        ws.width(2, 60);
        ws.width(3, 60);
        ws.finish();
    }

    // ---------------------------------------------------------------- helpers

    /** Paid (已入账) money by household and programme, for the members' instructions (indexed by member). */
    private static Map<Long, Map<String, BigDecimal>> paid(List<Long> memberIds) {
        Map<Long, Map<String, BigDecimal>> paid = new HashMap<>();
        InLists.list(Loan.getEntityManager(), "select i.householdId, coalesce(b.programmeName, i.programmeId), sum(i.amount)"
                + " from PaymentInstruction i, PaymentBatch b where b.id = i.batchId and i.memberId in :keys and i.status = :paid"
                + " group by i.householdId, coalesce(b.programmeName, i.programmeId)", Object[].class, memberIds,
                q -> q.setParameter("paid", InstructionStatus.PAID))
                // by programme name whichever IN list a household's members fell in (the SQL order holds within one list only)
                .forEach(x -> paid.computeIfAbsent((Long) x[0], k -> new TreeMap<>()).merge((String) x[1], (BigDecimal) x[2], BigDecimal::add));
        return paid;
    }

    /** Village code → {village name, township name}, read once per export. */
    private static void places(List<String> villages, Map<String, String[]> places) {
        List<String> missing = villages.stream().filter(v -> !places.containsKey(v)).toList();
        List<OrgUnit> units = InLists.list(OrgUnit.getEntityManager(), "from OrgUnit where code in :keys", OrgUnit.class, missing);
        Map<String, String> townships = RegistryService.villageNames(units.stream().map(u -> u.parentCode).toList());
        units.forEach(u -> places.put(u.code, new String[] {u.name, townships.get(u.parentCode)}));
    }

    private static String measures(List<PlanMeasure> measures, Map<Long, Member> members) {
        return measures.stream().map(m -> m.type.label() + "（" + (m.memberId == null || !members.containsKey(m.memberId) ? "全户"
                : members.get(m.memberId).name) + "，" + m.startOn + "起" + (m.endOn == null ? "" : "至" + m.endOn) + "）")
                .collect(Collectors.joining("；"));
    }

    private static String loans(List<Loan> loans) {
        return loans.stream().map(l -> (LoanProducts.MICRO.equals(l.productCode) ? "脱贫人口小额信贷" : "贷款（" + l.productCode + "）") + " "
                + money(l.amount) + "元，" + (l.disbursedOn == null ? "" : l.disbursedOn + "放款，") + l.status.label())
                .collect(Collectors.joining("；"));
    }

    /** A formula-safe text cell (BankFiles); a missing value leaves the cell empty. */
    private static void text(Worksheet ws, int r, int c, String value) {
        if (value != null && !value.isEmpty()) {
            BankFiles.text(ws, r, c, value);
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static <K, T> Map<K, T> byKey(List<T> rows, java.util.function.Function<T, K> key) {
        Map<K, T> map = new HashMap<>();
        rows.forEach(t -> map.put(key.apply(t), t));
        return map;
    }
}
