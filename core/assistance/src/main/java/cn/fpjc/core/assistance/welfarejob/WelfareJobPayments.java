package cn.fpjc.core.assistance.welfarejob;

import cn.fpjc.core.assistance.payment.PayableLines;
import cn.fpjc.core.assistance.payment.PaymentProgrammes;
import cn.fpjc.core.assistance.payment.PaymentRequests.BatchInput;
import cn.fpjc.core.assistance.payment.PaymentRequests.Line;
import cn.fpjc.core.assistance.payment.PaymentService;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchDetail;
import cn.fpjc.core.assistance.payment.PaymentViews.Outcome;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.error.ApiException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A month's 公益性岗位 payroll paid to the post holders' 一卡通: the payment programme "welfare-job", period yyyy-MM. */
@ApplicationScoped
public class WelfareJobPayments implements PaymentProgrammes {
    public static final String PROGRAMME = "welfare-job";

    @Inject
    WelfareJobService jobs;

    @Inject
    PaymentService payments;

    @Inject
    cn.fpjc.core.platform.security.CurrentUser user;

    @Override
    public Optional<String> displayName(String programmeId) {
        return PROGRAMME.equals(programmeId) ? Optional.of("乡村公益性岗位补贴") : Optional.empty();
    }

    /** The batch of a generated month's payroll, leaving out lines already instructed for that month. */
    @Transactional
    public Outcome<BatchDetail> batch(String month) {
        user.requireAnyRole(PaymentService.MAKERS); // the payment module's makers, before anything is read
        String m = jobs.payroll(month).month(); // checks the month and the reader
        List<WelfareJobPayroll> lines = WelfareJobPayroll.list("month", Sort.by("placementId"), m);
        if (lines.isEmpty()) {
            throw new ApiException(WelfareJobError.PAYROLL_MONTH_INVALID, m + " 的岗位补贴尚未生成，请先生成发放表");
        }
        Map<Long, WelfareJobPlacement> placements = InLists.list(WelfareJobPlacement.getEntityManager(), "from WelfareJobPlacement where id in :keys",
                WelfareJobPlacement.class, lines.stream().map(l -> l.placementId).toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        // A member who changed posts in the month has two payroll lines: PayableLines adds them into one payment.
        PayableLines.Sorted sorted = PayableLines.sort(PROGRAMME, m, lines.stream()
                .map(l -> new Line(placements.get(l.placementId).memberId, l.amount, "公益性岗位补贴 " + m)).toList());
        if (sorted.payable().isEmpty()) {
            throw new ApiException(WelfareJobError.PAYROLL_EXISTS, m + " 没有可生成支付指令的岗位补贴"
                    + (sorted.skipped().isEmpty() ? "（已全部生成）" : "：" + String.join("；", sorted.skipped())));
        }
        return payments.createGeneratedBatch(new BatchInput(PROGRAMME, m, PayableLines.note(
                "乡村公益性岗位补贴 " + m, sorted.skipped()), sorted.payable()));
    }
}
