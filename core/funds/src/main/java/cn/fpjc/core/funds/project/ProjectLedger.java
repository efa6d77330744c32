package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.registry.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 项目台账 of a year as counties report it upward: one row per project in the reader's scope, amounts by source, the
 * library and approval dates, 联农带农 and the number of households benefited (no personal data).
 */
@ApplicationScoped
public class ProjectLedger {
    static final int PAGE = 500;

    @Inject
    ProjectService projects;

    /** Writes the workbook; returns its title. */
    @Transactional
    public String write(int year, String countyName, OutputStream out) throws IOException {
        List<String> headers = new java.util.ArrayList<>(List.of("序号", "项目名称", "项目类型", "项目性质", "资金用途", "所在乡镇", "涉及村", "实施主体", "资金合计（元）"));
        for (FundSource s : FundSource.values()) {
            headers.add(s.label() + "（元）");
        }
        headers.addAll(List.of("所处环节", "入库日期", "立项批复文号", "批复日期", "竣工验收日期", "决算审计日期", "联农带农方式", "受益农户（户）", "当前版本"));
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("项目台账");
        int row = 2;
        int n = 0;
        for (int page = 0;; page++) {
            List<Long> ids = projects.list(year, null, null, null, null, new cn.fpjc.core.platform.web.SortBy("name", false), page, PAGE).items().stream()
                    .map(ProjectViews.ProjectRow::id).toList();
            if (ids.isEmpty()) {
                break;
            }
            jakarta.persistence.EntityManager em = Project.getEntityManager();
            // In the page's order (the database's collation of names), whatever the order of the IN lists' answers.
            Map<Long, Integer> position = new HashMap<>();
            ids.forEach(id -> position.putIfAbsent(id, position.size()));
            List<Project> batch = new java.util.ArrayList<>(InLists.list(em, "from Project where id in :keys", Project.class, ids));
            batch.sort(java.util.Comparator.comparing(p -> position.get(p.id)));
            Map<Long, Map<FundSource, BigDecimal>> money = new HashMap<>();
            for (ProjectFunding f : InLists.list(em, "from ProjectFunding where projectId in :keys", ProjectFunding.class, ids)) {
                money.computeIfAbsent(f.projectId, k -> new HashMap<>()).merge(f.source, f.amount, BigDecimal::add);
            }
            Map<Long, String> linkages = InLists.list(em, "from ProjectLinkage where projectId in :keys order by id", ProjectLinkage.class, ids).stream()
                    .collect(Collectors.groupingBy(l -> l.projectId, Collectors.mapping(l -> l.kind.label(), Collectors.joining("、"))));
            Map<Long, Long> households = new HashMap<>();
            for (Object[] r : InLists.list(em, "select b.projectId, count(distinct b.householdId) from ProjectBeneficiary b "
                    + "where b.projectId in :keys group by b.projectId", Object[].class, ids)) {
                households.put((Long) r[0], (Long) r[1]);
            }
            Set<String> codes = new HashSet<>();
            batch.forEach(p -> {
                codes.addAll(p.villages);
                if (p.townshipCode != null) {
                    codes.add(p.townshipCode);
                }
            });
            Map<String, String> names = RegistryService.villageNames(codes); // townships too: any org unit's name
            for (Project p : batch) {
                Map<FundSource, BigDecimal> m = money.getOrDefault(p.id, Map.of());
                int c = 0;
                ws.value(row, c++, ++n);
                ws.value(row, c++, p.name);
                ws.value(row, c++, p.category.label());
                ws.value(row, c++, p.nature.label());
                ws.value(row, c++, p.usage.label());
                ws.value(row, c++, p.townshipCode == null ? "县级（跨乡镇）" : names.getOrDefault(p.townshipCode, p.townshipCode));
                ws.value(row, c++, p.villages.stream().map(v -> names.getOrDefault(v, v)).collect(Collectors.joining("、")));
                ws.value(row, c++, p.implementer);
                ws.value(row, c++, m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                for (FundSource s : FundSource.values()) {
                    BigDecimal a = m.get(s);
                    if (a != null) {
                        ws.value(row, c, a);
                    }
                    c++;
                }
                ws.value(row, c++, p.status.label());
                date(ws, row, c++, p.listedOn);
                ws.value(row, c++, p.approvalDoc);
                date(ws, row, c++, p.approvedOn);
                date(ws, row, c++, p.completedOn);
                date(ws, row, c++, p.auditedOn);
                ws.value(row, c++, linkages.getOrDefault(p.id, ""));
                ws.value(row, c++, households.getOrDefault(p.id, 0L));
                ws.value(row, c, p.revision == 0 ? "未审定" : "第" + p.revision + "版");
                row++;
            }
        }
        String title = countyName + year + "年度巩固拓展脱贫攻坚成果和乡村振兴项目台账";
        ws.value(0, 0, title + "（共 " + n + " 个项目）");
        ws.style(0, 0).bold().fontSize(14).set();
        for (int c = 0; c < headers.size(); c++) {
            ws.value(1, c, headers.get(c));
            ws.style(1, c).bold().fillColor("DDEBF7").set();
        }
        ws.freezePane(2, 2);
        wb.finish();
        return title;
    }

    private static void date(Worksheet ws, int row, int col, java.time.LocalDate d) {
        if (d != null) {
            ws.value(row, col, d.toString());
        }
    }
}
