package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.programme.AssistanceProgramme;
import cn.fpjc.core.assistance.programme.Decision;
import cn.fpjc.core.assistance.programme.EntitlementService;
import cn.fpjc.core.assistance.programme.ProgrammeViews.HouseholdEntitlements;
import cn.fpjc.core.assistance.programme.ProgrammeViews.MemberEntitlements;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.RegistryViews.HouseholdDetail;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 可享受政策 of one household (linked from the household page): for each member every programme, the entitled ones first,
 * with the amount and how it is paid, and every rule's fact, parameter value and source. Its own class at its full path:
 * the household pages' class owns {@code /households}, and a longer class path is what routes here. Readers only; a
 * household outside the reader's scope is "not found", in Chinese inside the layout.
 */
@Path("/households/{id}/entitlements")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EntitlementPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entitlements(PageUser user, String tenantName, long id, HouseholdDetail h, int year,
                List<Integer> years, String basis, List<MemberRows> members, List<EligibleRow> eligible, boolean canApply,
                List<String> actualCost, List<String> onApplication, Map<String, List<AssistanceProgramme.Declaration>> declarations,
                String flash, String error);
    }

    /** One member's decisions, the entitled ones first, then those that cannot be decided, then the rest. */
    public record MemberRows(long memberId, String name, String idMasked, String relation, List<Decision> decisions) {
    }

    /** One line of the household's summary: who is entitled to what, how much. */
    public record EligibleRow(String name, String programmeName, String amount, String amountRule) {
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    EntitlementService entitlements;

    @Inject
    RegistryService registry;

    @Inject
    AppClock clock;

    @GET
    @Transactional
    public Response householdEntitlements(@PathParam("id") long id, @QueryParam("year") String year,
            @CookieParam(Flash.INFO) String flash, @CookieParam(Flash.ERROR) String refused) {
        TenantInfo tenant = access.bind(null);
        user.requireAnyRole(RegistryService.READERS);
        int shown = clock.year();
        HouseholdDetail h = null;
        try {
            h = registry.detail(id); // the registry's scope check: a household outside the reader's scope is not found
            Integer y = ProgrammeYears.number(year, "年度");
            shown = y == null ? shown : y;
            HouseholdEntitlements e = entitlements.household(id, y);
            List<MemberRows> members = members(h, e);
            List<EligibleRow> eligible = new ArrayList<>();
            for (MemberRows m : members) {
                for (Decision d : m.decisions()) {
                    if (d.status() == Decision.Status.ELIGIBLE) {
                        eligible.add(new EligibleRow(m.name(), d.programmeName(), ProgrammeYears.yuan(d.amount()), d.amountRule()));
                    }
                }
            }
            return Response.ok(Templates.entitlements(PageUser.of(user), tenant.name(), id, h, shown, ProgrammeYears.years(clock), e.basis(),
                    members, eligible, user.hasAnyRole(APPLICANTS), actualCost(members), onApplication(members), declarations(members), Flash.text(flash),
                    Flash.text(refused))).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String message = e.code() == PlatformError.NOT_FOUND ? "未找到这户农户，或这户不在您的管辖范围内" : e.humanMessage();
            return Response.status(e.code().status()).entity(Templates.entitlements(PageUser.of(user), tenant.name(), id, h, shown,
                    ProgrammeYears.years(clock), null, List.of(), List.of(), false, List.of(), List.of(), Map.of(), null, message)).build();
        }
    }

    /** Who may submit an application (ApplicationService.submit): staff of the county, township and village. */
    static final String[] APPLICANTS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK };

    /** The programmes among the decisions that pay the actual cost up to their standard: their 申请 asks for the cost. */
    private List<String> actualCost(List<MemberRows> members) {
        return members.stream().flatMap(m -> m.decisions().stream()).map(Decision::programmeId).distinct()
                .filter(p -> entitlements.programme(p).actualCostUpToAmount()).toList();
    }

    /** Programmes given on application only (临时救助): their 申请 form shows whatever the registry says. */
    private List<String> onApplication(List<MemberRows> members) {
        return members.stream().flatMap(m -> m.decisions().stream()).map(Decision::programmeId).distinct()
                .filter(p -> !entitlements.programme(p).listsUnclaimed()).toList();
    }

    /** What each programme's 申请 asks the applicant to state (an empty list for most). */
    private Map<String, List<AssistanceProgramme.Declaration>> declarations(List<MemberRows> members) {
        Map<String, List<AssistanceProgramme.Declaration>> all = new HashMap<>();
        members.stream().flatMap(m -> m.decisions().stream()).map(Decision::programmeId).distinct()
                .forEach(p -> all.put(p, entitlements.programme(p).declarations()));
        return all;
    }

    /** The members in the household page's order (head first), each one's decisions entitled first. */
    static List<MemberRows> members(HouseholdDetail h, HouseholdEntitlements e) {
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < h.members().size(); i++) {
            order.put(h.members().get(i).id(), i);
        }
        return e.members().stream()
                .sorted(Comparator.comparing((MemberEntitlements m) -> order.getOrDefault(m.memberId(), Integer.MAX_VALUE)))
                .map(m -> new MemberRows(m.memberId(), m.name(), m.idMasked(), m.relation(),
                        m.decisions().stream().sorted(Comparator.comparing(EntitlementPage::rank)).toList()))
                .toList();
    }

    private static int rank(Decision d) {
        return switch (d.status()) {
            case ELIGIBLE -> 0;
            case UNDETERMINED -> 1;
            case NOT_ELIGIBLE -> 2;
        };
    }
}
