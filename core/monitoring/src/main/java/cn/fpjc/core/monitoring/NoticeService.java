package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data of the public documents (DOMAIN.md §5): the village's 公示 of the households at a notice step, and the county's
 * 公告 of what it approved in a period. Public documents carry the head's name, the masked ID number, the household size and
 * what is decided — never risk categories (因病、因残 are health details) nor anything else from the file.
 */
@ApplicationScoped
public class NoticeService {
    /** A step is a public notice when it asks for the notice's dates (identification, elimination, 兜底保障户 and variants). */
    static final String NOTICE_EVIDENCE = "公示起止日期";

    @Inject
    CurrentUser user;

    /** One household of a public document; {@code noticeFrom}/{@code noticeTo} on a village 公示 only. */
    public record Line(long caseId, String householdNo, String villageName, String headName, String headIdMasked, long householdSize,
            String subject, String detail, LocalDate noticeFrom, LocalDate noticeTo) {
        Line withPeriod(LocalDate[] p) {
            return new Line(caseId, householdNo, villageName, headName, headIdMasked, householdSize, subject, detail, p[0], p[1]);
        }
    }

    /**
     * The households at a 公示 step whose 公示 has been set, with its dates. {@code from}/{@code until}: the period when every
     * line shares it (else null, and each line carries its own); {@code unset}: households at the step whose 公示 is not set
     * yet (not printed: a notice shows the dates it was put up with).
     */
    public record VillageNotice(String villageCode, String villageName, String townshipName, LocalDate from, LocalDate until,
            List<Line> lines, int unset) {
        public long days() {
            return from == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(from, until) + 1;
        }
    }

    public record CountyAnnouncement(LocalDate from, LocalDate to, List<Line> included, List<Line> eliminated, List<Line> protectedHouseholds) {
    }

    @Transactional
    public VillageNotice villageNotice(String villageCode) {
        user.requireAnyRole(ClueService.STAFF);
        OrgUnit village = villageCode == null ? null : OrgUnit.findByCode(villageCode).orElse(null);
        if (village == null || !OrgScope.isVillage(villageCode) || !OrgScope.covers(user.orgCode(), villageCode)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("village", "请选择您管辖范围内的村")));
        }
        List<MonitoringCase> open = MonitoringCase.list("status = ?1 and villageCode = ?2", Sort.by("id"), CaseStatus.IN_PROGRESS, villageCode);
        Map<Long, CaseStep> current = CaseService.currentSteps(open);
        List<MonitoringCase> atNotice = open.stream().filter(c -> current.containsKey(c.id) && CaseService.holdsNotice(current.get(c.id))).toList();
        List<MonitoringCase> set = atNotice.stream().filter(c -> current.get(c.id).noticeFrom != null).toList();
        Map<Long, LocalDate[]> periodOf = new java.util.HashMap<>();
        set.forEach(c -> periodOf.put(c.id, new LocalDate[] { current.get(c.id).noticeFrom, current.get(c.id).noticeTo }));
        java.util.Set<String> distinct = set.stream().map(c -> periodOf.get(c.id)[0] + "/" + periodOf.get(c.id)[1])
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        boolean uniform = distinct.size() == 1;
        String township = OrgUnit.findByCode(OrgScope.townshipOf(villageCode)).map(u -> u.name).orElse("");
        List<Line> lines = lines(set, Map.of(villageCode, village.name)).stream().map(l -> l.withPeriod(periodOf.get(l.caseId()))).toList();
        return new VillageNotice(villageCode, village.name, township, uniform ? periodOf.get(set.get(0).id)[0] : null,
                uniform ? periodOf.get(set.get(0).id)[1] : null, lines, atNotice.size() - set.size());
    }

    @Transactional
    public CountyAnnouncement countyAnnouncement(LocalDate from, LocalDate to) {
        user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER);
        if (from == null || to == null || to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("from", "请选择起止日期（不超过一年）")));
        }
        String scope = OrgScope.likePrefix(user.orgCode());
        List<MonitoringCase> included = MonitoringCase.list("parentCaseId is null and approvedOn between ?1 and ?2 and status <> ?3"
                + " and villageCode like ?4", Sort.by("villageCode").and("id"), from, to, CaseStatus.REJECTED, scope);
        List<MonitoringCase> children = MonitoringCase.list("parentCaseId is not null and approvedOn between ?1 and ?2 and villageCode like ?3",
                Sort.by("villageCode").and("id"), from, to, scope);
        List<MonitoringCase> all = new ArrayList<>(included);
        all.addAll(children);
        Map<String, String> villages = RegistryService.villageNames(all.stream().map(c -> c.villageCode).collect(Collectors.toSet()));
        return new CountyAnnouncement(from, to, lines(included, villages),
                lines(children.stream().filter(c -> EliminationAssessor.ELIMINATION.equals(c.procedureId)).toList(), villages),
                lines(children.stream().filter(c -> EliminationAssessor.BASIC_PROTECTION.equals(c.procedureId)).toList(), villages));
    }

    private static List<Line> lines(List<MonitoringCase> cases, Map<String, String> villages) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Long> households = cases.stream().map(c -> c.householdId).distinct().toList();
        Map<Long, String> numbers = CaseService.householdNumbers(households);
        Map<Long, Member> heads = new java.util.HashMap<>();
        Map<Long, Long> sizes = new java.util.HashMap<>();
        InLists.list(Member.getEntityManager(), "from Member where householdId in :keys and active = true", Member.class, households)
                .forEach(m -> {
                    sizes.merge(m.householdId, 1L, Long::sum);
                    if (m.relation == Relation.HEAD) {
                        heads.put(m.householdId, m);
                    }
                });
        return cases.stream().map(c -> {
            Member head = heads.get(c.householdId);
            String subject = switch (c.procedureId) {
                case EliminationAssessor.ELIMINATION -> "拟标注风险消除";
                case EliminationAssessor.BASIC_PROTECTION -> "拟认定整户无劳动能力兜底保障户";
                default -> "拟纳入监测对象";
            };
            return new Line(c.id, numbers.get(c.householdId), villages.getOrDefault(c.villageCode, c.villageCode), head == null ? "" : head.name,
                    head == null ? "" : head.idMasked, sizes.getOrDefault(c.householdId, 0L), subject,
                    c.parentCaseId == null ? c.monitoringType.label() : "", null, null);
        }).sorted(Comparator.comparing(Line::villageName).thenComparing(Line::caseId)).toList();
    }
}
