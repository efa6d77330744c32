package cn.fpjc.ui.funds;

import cn.fpjc.core.funds.FundsRoles;
import cn.fpjc.core.funds.allocation.AllocationService;
import cn.fpjc.core.funds.allocation.AllocationViews.AllocationInput;
import cn.fpjc.core.funds.allocation.AllocationViews.AllocationView;
import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 资金指标文件 of a year: each document's source, amount, the day it reached the county, what is arranged from it and its
 * 立项 clock (审批期限 with the rule it comes from); the add form for the county's admin, approver and finance.
 */
@Path("/funds/allocations")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AllocationPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageUser user, String tenantName, int year, List<Integer> years, List<AllocationView> rows,
                BigDecimal total, BigDecimal arranged, boolean canAdd, List<FundsPages.Choice> sources, Map<String, String> values,
                Map<String, String> errors, String flash, String error);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    AllocationService allocations;

    @Inject
    AppClock clock;

    @GET
    public Response list(@QueryParam("year") String year, @CookieParam(Flash.INFO) String flash) {
        access.bind(null);
        user.requireAnyRole(FundsRoles.READERS);
        try {
            Integer y = FundsPages.number(year, "年度");
            return Response.ok(page(y == null ? clock.year() : y, Map.of(), Map.of(), Flash.text(flash), null)).build();
        } catch (ApiException e) {
            return Response.status(e.code().status()).entity(page(clock.year(), Map.of(), Map.of(), null, Forms.allMessages(e))).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        Long y = Forms.longOrNull(form.getFirst("year"));
        int year = y == null ? clock.year() : y.intValue();
        return FormSubmit.submit(() -> {
            List<FieldError> errors = new ArrayList<>();
            BigDecimal amount = FundsPages.amount(form.getFirst("amount"), "amount", errors);
            var receivedOn = Forms.date(form, "receivedOn", errors);
            if (!errors.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
            }
            AllocationView a = allocations.create(new AllocationInput(y == null ? null : y.intValue(), Forms.text(form, "docNumber"),
                    Forms.text(form, "title"), Forms.text(form, "source"), amount, receivedOn, Forms.text(form, "note")));
            return "/funds/allocations?year=" + a.year();
        }, e -> {
            Map<String, String> errors = new HashMap<>();
            if (e.fieldErrors() != null) {
                e.fieldErrors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
            }
            return page(year, values, errors, null, e.fieldErrors() == null || e.fieldErrors().isEmpty() ? e.humanMessage() : Forms.summary(e));
        });
    }

    private TemplateInstance page(int year, Map<String, String> values, Map<String, String> errors, String flash, String error) {
        TenantInfo tenant = access.current();
        List<AllocationView> rows = allocations.list(year);
        BigDecimal total = rows.stream().map(AllocationView::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal arranged = rows.stream().map(AllocationView::arranged).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return Templates.list(PageUser.of(user), tenant.name(), year, FundsPages.years(clock, year), rows, total, arranged,
                user.hasAnyRole(FundsRoles.ALLOCATORS), FundsPages.choices(FundSource.class), values, errors, flash, error);
    }
}
