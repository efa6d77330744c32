package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.programme.ApplicationRequests;
import cn.fpjc.core.assistance.programme.AssistanceProgramme;
import cn.fpjc.core.assistance.programme.ApplicationService;
import cn.fpjc.core.assistance.programme.ApplicationStatus;
import cn.fpjc.core.assistance.programme.ApplicationViews.ApplicationView;
import cn.fpjc.core.assistance.programme.ApplicationViews.StepResult;
import cn.fpjc.core.assistance.programme.EntitlementService;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 申请办理 of one programme: the queue of a year in the reader's scope (by status and village) with one batch form per step
 * the reader's role may take (each ticked row carries its version as "id:version"; each application is decided on its own
 * and the page lists every result by 户编号 and name, keeping what was typed when any failed); one application with the
 * rules it was decided by, its instalments and dates; and the submission from a household's 可享受政策 page. The service
 * decides who may do what; the page only offers the forms of the reader's roles and shows refusals in Chinese.
 */
@Path("/programmes/{programme}/applications")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApplicationPage {
    static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(PageUser user, String tenantName, String programmeId, String programmeName, int year,
                List<Integer> years, String status, List<String> statuses, String village, List<OrgUnitView> villages, List<ApplicationView> rows,
                long total, ListLinks links, List<Action> actions, List<StepResult> results, Map<String, String> values, String flash,
                String error);

        static native TemplateInstance detail(PageUser user, String tenantName, String programmeId, ApplicationView a, String flash,
                String error, Map<String, String> users);
    }

    /** A step the reader's role may take on the ticked applications, with the inputs it asks for. */
    public record Action(String code, String label, String button) {
    }

    @Inject
    Names names;

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    ApplicationService applications;

    @Inject
    EntitlementService entitlements;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    AppClock clock;

    @GET
    public Response queue(@PathParam("programme") String programme, @QueryParam("year") String year, @QueryParam("status") String status,
            @QueryParam("village") String village, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") String page, @QueryParam("jump") String jump, @CookieParam(Flash.INFO) String flash) {
        access.bind(null);
        user.requireAnyRole(RegistryService.READERS);
        try {
            Integer y = ProgrammeYears.number(year, "年度");
            Integer p = ProgrammeYears.number(page, "页码");
            SortBy order = SortBy.parse(sort, dir, ApplicationService.SORTS, ApplicationService.IN_ORDER_RECEIVED);
            return queuePage(200, programme, y, status, village, order, ListLinks.requested(p == null ? 0 : p, jump), List.of(), Map.of(),
                    Flash.text(flash), null);
        } catch (ApiException e) {
            // An unknown sort or page number is refused (400), the queue page saying why.
            return queuePage(e.code().status(), programme, null, status, village, ApplicationService.IN_ORDER_RECEIVED, 0, List.of(), Map.of(),
                    null, Forms.allMessages(e));
        }
    }

    /** One step for the ticked applications ("id:version" each); the page lists each result and keeps the inputs if any failed. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response batch(@PathParam("programme") String programme, MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        Integer y = Forms.longOrNull(form.getFirst("year")) == null ? null : Forms.longOrNull(form.getFirst("year")).intValue();
        String status = Forms.text(form, "status");
        String village = Forms.text(form, "village");
        SortBy order = keptOrder(form);
        try {
            List<ApplicationRequests.Item> items = new ArrayList<>();
            for (String v : form.getOrDefault("items", List.of())) {
                String[] parts = v == null ? new String[0] : v.split(":", 2);
                Long id = parts.length == 2 ? Forms.longOrNull(parts[0]) : null;
                if (id != null) {
                    items.add(new ApplicationRequests.Item(id, Forms.longOrNull(parts[1])));
                }
            }
            List<FieldError> errors = new ArrayList<>();
            var in = new ApplicationRequests.Decide(items, Forms.text(form, "action"), Forms.date(form, "on", errors),
                    Forms.date(form, "noticeFrom", errors), Forms.date(form, "noticeTo", errors), Forms.text(form, "objectionPhone"),
                    Forms.text(form, "objection"), Forms.text(form, "objectionHandling"), Forms.text(form, "reason"));
            if (!errors.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
            }
            List<StepResult> results = applications.decide(in);
            boolean allOk = results.stream().allMatch(StepResult::ok);
            return queuePage(200, programme, y, status, village, order, 0, results, allOk ? Map.of() : values, null, null);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return queuePage(e.code().status(), programme, y, status, village, order, 0, List.of(), values, null, Forms.allMessages(e));
        }
    }

    /** The queue's order as the batch form carries it back (hidden inputs); one that is not allowed is the default. */
    private static SortBy keptOrder(MultivaluedMap<String, String> form) {
        try {
            return SortBy.parse(form.getFirst("sort"), form.getFirst("dir"), ApplicationService.SORTS, ApplicationService.IN_ORDER_RECEIVED);
        } catch (ApiException e) {
            return ApplicationService.IN_ORDER_RECEIVED;
        }
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("programme") String programme, @PathParam("id") long id, @CookieParam(Flash.INFO) String flash) {
        TenantInfo tenant = access.bind(null);
        try {
            ApplicationView a = applications.get(id);
            if (!a.programmeId().equals(programme)) {
                throw new ApiException(PlatformError.NOT_FOUND, "申请 " + id);
            }
            return Response.ok(Templates.detail(PageUser.of(user), tenant.name(), programme, a, Flash.text(flash), null,
                    names.users(java.util.stream.Stream.of(a.submittedBy())))).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String message = e.code() == PlatformError.NOT_FOUND ? "未找到这份申请，或申请人不在您的管辖范围内" : e.humanMessage();
            return Response.status(e.code().status()).entity(Templates.detail(PageUser.of(user), tenant.name(), programme, null, null,
                    message, Map.of())).build();
        }
    }

    /**
     * 申请 from a household's 可享受政策 page: the member, the year, and the actual cost where the programme pays it up to its
     * standard. Success goes to the application with a message; a refusal goes back to the household's page with it.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("programme") String programme, MultivaluedMap<String, String> form) {
        access.bind(null);
        Long household = Forms.longOrNull(form.getFirst("householdId"));
        Long year = Forms.longOrNull(form.getFirst("year"));
        String back = household == null ? "/programmes/" + enc(programme) + "/applications"
                : "/households/" + household + "/entitlements" + (year == null ? "" : "?year=" + year);
        try {
            BigDecimal claimed = amount(Forms.text(form, "claimedAmount"));
            Map<String, String> declared = new java.util.LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("declared.") && !v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
                    declared.put(k.substring("declared.".length()), v.get(0));
                }
            });
            ApplicationView a = applications.submit(new ApplicationRequests.Submit(programme, Forms.longOrNull(form.getFirst("memberId")),
                    year == null ? null : year.intValue(), claimed, Forms.text(form, "note"), declared));
            return Response.seeOther(URI.create("/programmes/" + enc(programme) + "/applications/" + a.id()))
                    .cookie(Flash.info("已提交" + a.memberName() + "的" + a.programmeName() + "申请（" + ProgrammeYears.yuan(a.amount())
                            + " 元），待村级核实" + (a.decideBy() == null ? "" : "；办结期限 " + a.decideBy())))
                    .build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String message = e.code() == PlatformError.NOT_FOUND ? "未找到这名成员，或不在您的管辖范围内" : Forms.allMessages(e);
            return Response.seeOther(URI.create(back)).cookie(Flash.error("未能提交申请：" + message)).build();
        }
    }

    private static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("claimedAmount", "金额应为数字（元）")));
        }
    }

    /** The queue page with {@code status}, or with the refusal's status when reading the queue itself is refused. */
    private Response queuePage(int httpStatus, String programme, Integer year, String status, String village, SortBy order, int page,
            List<StepResult> results,
            Map<String, String> values, String flash, String error) {
        TenantInfo tenant = access.current();
        List<OrgUnitView> villages = orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList();
        int shown = year == null ? clock.year() : year;
        String s = status == null ? "" : status.strip();
        String v = village == null ? "" : village.strip();
        List<String> statuses = Labelled.labels(ApplicationStatus.class);
        String name = null;
        List<ApplicationView> rows = List.of();
        Page<ApplicationView> found = Page.empty(PAGE_SIZE);
        String shownError = error;
        if (error == null) {
            try {
                name = entitlements.programme(programme).name();
                if (!v.isEmpty() && villages.stream().noneMatch(u -> u.code().equals(v))) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, "所选的村不在您的管辖范围内");
                }
                found = applications.list(programme, shown, s.isEmpty() ? null : s, v.isEmpty() ? null : v, order, page, PAGE_SIZE);
                rows = found.items();
            } catch (ApiException e) {
                shownError = e.humanMessage();
                httpStatus = e.code().status();
            }
        } else {
            try {
                name = entitlements.programme(programme).name();
            } catch (ApiException e) {
                // the programme itself is unknown: the error already says why
            }
        }
        return Response.status(httpStatus).entity(Templates.queue(PageUser.of(user), tenant.name(), programme, name, shown,
                ProgrammeYears.years(clock), s, statuses, v, villages, rows, found.total(), links(programme, shown, s, v, order, found), actions(programme), results, values, flash, shownError))
                .build();
    }

    private static ListLinks links(String programme, int year, String status, String village, SortBy order, Page<?> found) {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("year", String.valueOf(year));
        filters.put("status", status);
        filters.put("village", village);
        return ListLinks.of("/programmes/" + programme + "/applications", filters, order, ApplicationService.IN_ORDER_RECEIVED, found);
    }

    /** The steps the reader's roles may take, as the service enforces them (ApplicationService.step). */
    List<Action> actions(String programme) {
        boolean notice = entitlements.find(programme).map(AssistanceProgramme::noticeRequired).orElse(true);
        List<Action> a = new ArrayList<>();
        if (user.hasRole(Roles.VILLAGE_CLERK)) {
            a.add(new Action("CHECK", "村级核实", "核实所选"));
        }
        if (user.hasRole(Roles.TOWNSHIP_REVIEWER)) {
            a.add(new Action("REVIEW", "乡镇审核", "审核通过所选"));
        }
        if (notice && user.hasAnyRole(Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER)) {
            a.add(new Action("NOTICE", "开始公示", "公示所选"));
        }
        if (notice && user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK)) {
            a.add(new Action("OBJECTION", "记录异议", "记录异议"));
        }
        if (user.hasRole(Roles.COUNTY_APPROVER)) {
            a.add(new Action("APPROVE", "县级审批", "审批通过所选"));
        }
        if (user.hasAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_APPROVER)) {
            a.add(new Action("REJECT", "不予补助", "所选不予补助"));
        }
        return a;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
