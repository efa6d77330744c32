package cn.fpjc.ui;

import cn.fpjc.core.audit.AuditResource;
import cn.fpjc.core.error.ApiException;
import cn.fpjc.core.org.OrgUnitService;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.Labelled;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.RegistryViews;
import cn.fpjc.core.security.CurrentUser;
import cn.fpjc.core.security.OrgScope;
import cn.fpjc.core.security.Roles;
import cn.fpjc.core.tenancy.TenantAccess;
import cn.fpjc.core.tenancy.TenantInfo;
import cn.fpjc.core.web.Pager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 农户信息 pages: the searchable, paged household list (with the 台账 export of the same filters) and the
 * household detail (members, incomes by year with a chart against the threshold, 三保障, history and audit
 * trail). ID numbers are masked; a reveal needs a reason and shows the number on that one response only.
 */
@Path("/households")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class HouseholdPage {
    static final int PAGE_SIZE = 20;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list();

        static native TemplateInstance detail();
    }

    @Inject
    TenantAccess access;

    @Inject
    RegistryService registry;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    AuditResource auditLog;

    @Inject
    CurrentUser user;

    @GET
    @Transactional
    public Response list(@QueryParam("q") String q, @QueryParam("village") String village, @QueryParam("category") String category,
            @QueryParam("idNumber") String idNumber, @QueryParam("page") @DefaultValue("0") int page) {
        TenantInfo tenant = access.bind(null);
        TemplateInstance t = Templates.list().data("user", PageUser.of(user)).data("tenantName", tenant.name())
                .data("q", nz(q)).data("village", nz(village)).data("category", nz(category)).data("idNumber", nz(idNumber))
                .data("categories", Labelled.labels(HouseholdCategory.class))
                .data("villages", orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList())
                .data("query", query(q, village, category)).data("canImport", user.hasAnyRole(RegistryService.WRITERS));
        try {
            RegistryService.Page<RegistryViews.HouseholdSummary> result = registry.search(q, village, category, idNumber, false,
                    Math.max(page, 0), PAGE_SIZE);
            return Response.ok(t.data("households", result.items()).data("pager", new Pager(Math.max(page, 0), PAGE_SIZE, result.total()))
                    .data("error", null)).build();
        } catch (ApiException e) {
            return Response.status(e.code().status()).entity(t.data("households", List.of()).data("pager", new Pager(0, PAGE_SIZE, 0))
                    .data("error", e.humanMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id) {
        return detailPage(id, null, null);
    }

    /** Reveals one member's full ID number on this response only; the service audits it. */
    @POST
    @Path("/{id}/members/{memberId}/reveal")
    public Response reveal(@PathParam("id") long id, @PathParam("memberId") long memberId, @RestForm String reason) {
        // The reveal commits (with its audit entry) or fails on its own; the page is read in a fresh transaction.
        access.bind(null);
        try {
            RegistryViews.Revealed r = registry.reveal(id, memberId, reason);
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> detailPage(id, r, null))).header("Cache-Control", "no-store").build();
        } catch (ApiException e) {
            return Response.status(e.code().status())
                    .entity(QuarkusTransaction.requiringNew().call(() -> detailPage(id, null, e.humanMessage()))).build();
        }
    }

    private TemplateInstance detailPage(long id, RegistryViews.Revealed revealed, String error) {
        TenantInfo tenant = access.bind(null);
        RegistryViews.HouseholdDetail h = registry.detail(id);
        List<AuditResource.AuditView> trail = new ArrayList<>();
        if (user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER)) {
            trail.addAll(auditLog.list(tenant.code(), "household", h.householdNo(), 0, 50));
            for (RegistryViews.IncomeView i : h.incomes()) {
                trail.addAll(auditLog.list(tenant.code(), "income_record", h.householdNo() + "/" + i.year(), 0, 50));
            }
            trail.addAll(auditLog.list(tenant.code(), "guarantee_status", h.householdNo(), 0, 50));
            for (RegistryViews.MemberView m : h.members()) {
                trail.addAll(auditLog.list(tenant.code(), "member", String.valueOf(m.id()), 0, 50));
            }
            trail.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        }
        return Templates.detail().data("user", PageUser.of(user)).data("tenantName", tenant.name()).data("h", h)
                .data("chart", IncomeChart.of(h.incomes())).data("revealed", revealed).data("error", error)
                .data("canReveal", user.hasAnyRole(RegistryService.WRITERS)).data("trail", trail)
                .data("showTrail", user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER));
    }

    static String query(String q, String village, String category) {
        return "q=" + enc(q) + "&village=" + enc(village) + "&category=" + enc(category);
    }

    static String enc(String s) {
        return URLEncoder.encode(nz(s), StandardCharsets.UTF_8);
    }

    static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * Per-capita income by year against the year's threshold, as SVG geometry computed here (Qute has no
     * arithmetic): bars for incomes, a tick for each year's threshold, red when below it.
     */
    public record IncomeChart(int width, int height, List<Bar> bars, String maxLabel) {
        public record Bar(String year, int x, int y, int h, int thresholdY, boolean hasThreshold, boolean below, String label) {
        }

        static IncomeChart of(List<RegistryViews.IncomeView> incomes) {
            if (incomes.isEmpty()) {
                return null;
            }
            BigDecimal max = BigDecimal.ONE;
            for (RegistryViews.IncomeView i : incomes) {
                max = max.max(i.perCapita());
                if (i.threshold() != null) {
                    max = max.max(new BigDecimal(i.threshold()));
                }
            }
            int plot = 160;
            int top = 20;
            List<Bar> bars = new ArrayList<>();
            int x = 40;
            for (RegistryViews.IncomeView i : incomes) {
                int h = Math.max(0, i.perCapita().multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_UP).intValue());
                int ty = i.threshold() == null ? 0 : top + plot - new BigDecimal(i.threshold()).multiply(BigDecimal.valueOf(plot))
                        .divide(max, 0, RoundingMode.HALF_UP).intValue();
                bars.add(new Bar(String.valueOf(i.year()), x, top + plot - h, h, ty, i.threshold() != null, Boolean.TRUE.equals(i.belowThreshold()),
                        i.perCapita().setScale(0, RoundingMode.HALF_UP).toPlainString()));
                x += 70;
            }
            return new IncomeChart(Math.max(240, x + 20), top + plot + 30, bars, max.setScale(0, RoundingMode.HALF_UP).toPlainString());
        }
    }
}
