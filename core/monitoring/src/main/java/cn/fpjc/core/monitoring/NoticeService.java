package cn.fpjc.core.monitoring;

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

    public record Line(long caseId, String householdNo, String villageName, String headName, String headIdMasked, long householdSize,
            String subject, String detail) {
    }

    /** @param from the notice is up from (the day after the step before it was done) @param until at least until */
    public record VillageNotice(String villageCode, String villageName, String townshipName, LocalDate from, LocalDate until,
            List<Line> lines) {
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
        List<MonitoringCase> atNotice = open.stream().filter(c -> current.containsKey(c.id)
                && List.of(current.get(c.id).evidenceRequired.split("\n")).contains(NOTICE_EVIDENCE)).toList();
        LocalDate from = null;
        LocalDate until = null;
        for (MonitoringCase c : atNotice) {
            CaseStep s = current.get(c.id);
            CaseStep before = CaseStep.<CaseStep>find("caseId = ?1 and seq = ?2", c.id, s.seq - 1).firstResult();
            LocalDate start = before == null || before.completedOn == null ? c.startedOn : before.completedOn.plusDays(1);
            from = from == null || start.isBefore(from) ? start : from;
            if (s.earliestOn != null) {
                until = until == null || s.earliestOn.isAfter(until) ? s.earliestOn : until;
            }
        }
        String township = OrgUnit.findByCode(OrgScope.townshipOf(villageCode)).map(u -> u.name).orElse("");
        return new VillageNotice(villageCode, village.name, township, from, until, lines(atNotice, Map.of(villageCode, village.name)));
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
        for (int at = 0; at < households.size(); at += CaseService.IN_LIST) {
            List<Long> part = households.subList(at, Math.min(households.size(), at + CaseService.IN_LIST));
            Member.<Member>list("householdId in ?1 and active = true", part).forEach(m -> {
                sizes.merge(m.householdId, 1L, Long::sum);
                if (m.relation == Relation.HEAD) {
                    heads.put(m.householdId, m);
                }
            });
        }
        return cases.stream().map(c -> {
            Member head = heads.get(c.householdId);
            String subject = switch (c.procedureId) {
                case EliminationAssessor.ELIMINATION -> "拟标注风险消除";
                case EliminationAssessor.BASIC_PROTECTION -> "拟认定整户无劳动能力兜底保障户";
                default -> "拟纳入监测对象";
            };
            return new Line(c.id, numbers.get(c.householdId), villages.getOrDefault(c.villageCode, c.villageCode), head == null ? "" : head.name,
                    head == null ? "" : head.idMasked, sizes.getOrDefault(c.householdId, 0L), subject,
                    c.parentCaseId == null ? c.monitoringType.label() : "");
        }).sorted(Comparator.comparing(Line::villageName).thenComparing(Line::caseId)).toList();
    }
}
