package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.FundsInputs;
import cn.fpjc.core.funds.FundsRoles;
import cn.fpjc.core.funds.allocation.AllocationService;
import cn.fpjc.core.funds.project.ProjectViews.LibraryView;
import cn.fpjc.core.funds.project.ProjectViews.PlanInput;
import cn.fpjc.core.funds.project.ProjectViews.StatusCount;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.ParameterOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's library and plan against the province's dates: next year's library by 31 Oct and its implementation plan by
 * 30 Nov of the year before (黑龙江, 000 衔接资金使用管理 二、1). The library is managed dynamically — projects may still
 * enter later — so a late entry is counted and shown, not refused.
 */
@ApplicationScoped
public class LibraryService {
    static final String LIBRARY_BY = "funds.library-next-year-by";
    static final String PLAN_BY = "funds.plan-next-year-by";

    @Inject
    CurrentUser user;

    @Inject
    AllocationService allocations;

    @Inject
    AppClock clock;

    @Transactional
    public LibraryView library(int year) {
        user.requireAnyRole(FundsRoles.READERS);
        FundsInputs.year(year, "year");
        Due library = due(year, LIBRARY_BY, "项目库建设");
        Due plan = due(year, PLAN_BY, "项目实施计划编制");
        List<StatusCount> counts = new ArrayList<>();
        Map<ProjectStatus, Long> byStatus = new HashMap<>();
        for (Object[] r : Project.getEntityManager().createQuery("select p.status, count(p) from Project p where p.year = ?1 group by p.status",
                Object[].class).setParameter(1, year).getResultList()) {
            byStatus.put((ProjectStatus) r[0], (Long) r[1]);
        }
        for (ProjectStatus s : ProjectStatus.values()) {
            counts.add(new StatusCount(s.name(), s.label(), byStatus.getOrDefault(s, 0L)));
        }
        long listed = Project.count("year = ?1 and listedOn is not null", year);
        long late = library.date == null ? 0 : Project.count("year = ?1 and listedOn > ?2", year, library.date);
        AnnualPlan p = AnnualPlan.find("year", year).firstResult();
        String planState = p == null ? (plan.date == null ? "未编制" : plan.date.isBefore(clock.today()) ? "逾期未编制" : "未编制（未到期）")
                : plan.date == null ? "已编制" : p.completedOn.isAfter(plan.date) ? "逾期编制" : "按期编制";
        return new LibraryView(year, library.date, library.rule, listed, late, counts, plan.date, plan.rule, p == null ? null : p.completedOn,
                p == null ? null : p.docNumber, planState);
    }

    /** Marks the year's implementation plan complete (once; a second time is PLAN_EXISTS from the unique key). */
    @Transactional
    public LibraryView completePlan(int year, PlanInput in) {
        user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER);
        FundsInputs.year(year, "year");
        if (in == null || in.completedOn() == null || in.completedOn().isAfter(clock.today())) {
            throw FundsInputs.invalid("completedOn", "请填写计划编制完成日期（不晚于今天）");
        }
        AnnualPlan p = new AnnualPlan();
        p.year = year;
        p.completedOn = in.completedOn();
        p.docNumber = FundsInputs.optional(in.docNumber(), "docNumber", 100);
        p.completedBy = user.username();
        p.completedAt = clock.now();
        p.persistAndFlush();
        return library(year);
    }

    private record Due(LocalDate date, String rule) {
    }

    private Due due(int year, String key, String what) {
        // The deadline for year Y's library falls in Y − 1; its value is the one in force then.
        EffectiveParameter p = allocations.parameter(key, year - 1);
        if (p.origin() == ParameterOrigin.NOT_SET) {
            return new Due(null, "本省未设定下年度" + what + "的完成期限");
        }
        MonthDay md = MonthDay.parse("--" + p.value().strip());
        LocalDate date = md.atYear(year - 1);
        return new Due(date, year + "年度" + what + "应于" + (year - 1) + "年" + md.getMonthValue() + "月" + md.getDayOfMonth() + "日前完成（依据："
                + p.citation() + "）");
    }
}
