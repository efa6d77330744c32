package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.payment.BankFiles;
import cn.fpjc.core.assistance.payment.PaymentRequests.Decision;
import cn.fpjc.core.assistance.payment.PaymentService;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchDetail;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchView;
import cn.fpjc.core.assistance.payment.PaymentViews.InstructionView;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 资金发放批次 (issue 13): the county's payment batches, one batch with its instructions (accounts masked), and the steps
 * the reader may take — 审核 (county-approver), 拨付 (county-finance), the bank file and the bank's return file.
 */
@Path("/payment-batches")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PaymentBatchPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance batches(PageUser user, String tenantName, Page<BatchView> page, ListLinks links, Map<String, String> users,
                String error);

        static native TemplateInstance batch(PageUser user, String tenantName, BatchDetail d, boolean canApprove, boolean canRelease,
                boolean canBank, String done, String error, Map<String, String> users,
                Map<String, String> villages);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    PaymentService payments;

    @Inject
    BankFiles bankFiles;

    @Inject
    Names names;

    /**
     * The county's batches, sorted by a column the URL names ({@link PaymentService#SORTS}; the latest first by default) and
     * paged with the shared pager; an unknown column or page number is refused: 400, the page with the reason.
     */
    @GET
    @Transactional
    public Response batches(@QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("jump") String jump) {
        access.bind(null);
        SortBy order = PaymentService.NEWEST_FIRST;
        Page<BatchView> batches = Page.empty(PAGE_SIZE);
        String error = null;
        int status = 200;
        try {
            order = SortBy.parse(sort, dir, PaymentService.SORTS, PaymentService.NEWEST_FIRST);
            batches = payments.list(null, null, null, order, ListLinks.requested(page, jump), PAGE_SIZE);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            error = e.humanMessage();
            status = e.code().status();
        }
        ListLinks links = ListLinks.of("/payment-batches", Map.of(), order, PaymentService.NEWEST_FIRST, batches);
        return Response.status(status).entity(Templates.batches(PageUser.of(user), access.current().name(), batches, links,
                names.users(batches.items().stream().flatMap(b -> Stream.of(b.createdBy(), b.approvedBy(), b.releasedBy()))), error)).build();
    }

    static final int PAGE_SIZE = 50;

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance batch(@PathParam("id") long id, @QueryParam("done") String done) {
        access.bind(null);
        return batchPage(id, done == null ? null : switch (done) {
            case "approved" -> "已审核";
            case "released" -> "已拨付，请下载银行代发文件交银行办理";
            case "returned" -> "已导入银行回盘文件";
            default -> null;
        }, null);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @RestForm String version) {
        access.bind(null);
        return FormSubmit.submit(() -> {
            payments.approve(id, new Decision(Forms.longOrNull(version)));
            return "/payment-batches/" + id + "?done=approved";
        }, e -> batchPage(id, null, Forms.allMessages(e)));
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") long id, @RestForm String version) {
        access.bind(null);
        return FormSubmit.submit(() -> {
            payments.release(id, new Decision(Forms.longOrNull(version)));
            return "/payment-batches/" + id + "?done=released";
        }, e -> batchPage(id, null, Forms.allMessages(e)));
    }

    @POST
    @Path("/{id}/bank-return")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response bankReturn(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        access.bind(null);
        return FormSubmit.submit(() -> {
            payments.requireFinance();
            payments.applyReturn(id, bankFiles.readReturn(file == null ? null : file.fileName(), file == null ? null : file.uploadedFile()));
            return "/payment-batches/" + id + "?done=returned";
        }, e -> batchPage(id, null, Forms.allMessages(e)));
    }

    private TemplateInstance batchPage(long id, String done, String error) {
        BatchDetail d = payments.get(id);
        boolean approver = user.hasRole(Roles.COUNTY_APPROVER) && !user.username().equals(d.batch().createdBy());
        boolean finance = user.hasRole(Roles.COUNTY_FINANCE);
        String me = user.username();
        return Templates.batch(PageUser.of(user), access.current().name(), d, approver && d.batch().status().equals("DRAFT") && d.batch().lines() > 0,
                finance && d.batch().status().equals("APPROVED") && !me.equals(d.batch().approvedBy()) && !me.equals(d.batch().createdBy()),
                finance && (d.batch().status().equals("RELEASED") || d.batch().status().equals("SETTLED")), done, error,
                names.users(Stream.of(d.batch().createdBy(), d.batch().approvedBy(), d.batch().releasedBy())),
                names.villages(d.instructions().stream().map(InstructionView::villageCode)));
    }
}
