package cn.fpjc.ui.monitoring;

import cn.fpjc.core.monitoring.PlanService;
import cn.fpjc.core.monitoring.PlanViews.CadenceItem;
import cn.fpjc.core.monitoring.PlanViews.LongCase;
import cn.fpjc.core.monitoring.PlanViews.PlanTask;
import cn.fpjc.core.monitoring.VisitService;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import java.util.stream.Stream;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 跟踪帮扶: plans to make or re-adjust, visits due, households monitored longer than the province's limit. */
@Path("/followup")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class FollowUpPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance followup(PageUser user, String tenantName, List<PlanTask> tasks, List<CadenceItem> cadence,
                List<LongCase> longCases, String longError, LocalDate today, Map<String, String> actionLabels,
                Map<String, String> villages);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    PlanService plans;

    @Inject
    VisitService visits;

    @Inject
    AppClock clock;

    @Inject
    Names names;

    @GET
    @Transactional
    public TemplateInstance followup() {
        access.bind(null);
        var limit = visits.longCaseLimit();
        String longError = limit.value() == null ? "本省（县）未规定长期未消除风险的认定年限（" + limit.label() + "）" : null;
        List<LongCase> longCases = limit.value() == null ? List.of() : visits.longCases(200);
        List<PlanTask> tasks = plans.tasks(500);
        List<CadenceItem> cadence = visits.cadence(500);
        return Templates.followup(PageUser.of(user), access.current().name(), tasks, cadence, longCases, longError,
                clock.today(), CasePage.ACTION_LABELS, names.villages(Stream.of(tasks.stream().map(PlanTask::villageCode),
                        cadence.stream().map(CadenceItem::villageCode), longCases.stream().map(LongCase::villageCode)).flatMap(s -> s)));
    }
}
