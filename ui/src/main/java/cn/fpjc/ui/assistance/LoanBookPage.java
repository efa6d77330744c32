package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.loan.LoanBookService;
import cn.fpjc.core.assistance.loan.LoanService;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDelinquency;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDetail;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDueList;
import cn.fpjc.core.assistance.loan.LoanViews.LoanSummary;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/**
 * 小额信贷台账 (read-only): the county's balances and overdue rate from the latest delinquency scan, the loans in the
 * reader's scope, repayments due and post-loan supervision due; and one loan with its rules, schedule and history.
 * Recording happens through the API (LoanResource).
 */
@Path("/loans")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class LoanBookPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance book(PageUser user, String tenantName, LocalDate today, LoanDelinquency delinquency, Page<LoanSummary> loans,
                LoanDueList reminders, LoanDueList supervision);

        static native TemplateInstance loan(PageUser user, String tenantName, LoanDetail d);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    LoanService loans;

    @Inject
    LoanBookService book;

    @Inject
    AppClock clock;

    @GET
    @Transactional
    public TemplateInstance book(@QueryParam("page") @DefaultValue("0") int page) {
        access.bind(null);
        return Templates.book(PageUser.of(user), access.current().name(), clock.today(), book.latest(200), loans.list(null, null, null, page, 50),
                book.reminders(200), book.supervisionDue(200));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance loan(@PathParam("id") long id) {
        access.bind(null);
        return Templates.loan(PageUser.of(user), access.current().name(), loans.get(id));
    }
}
