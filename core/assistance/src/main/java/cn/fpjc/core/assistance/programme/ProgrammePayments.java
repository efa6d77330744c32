package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.assistance.payment.PayableLines;
import cn.fpjc.core.assistance.payment.PaymentProgrammes;
import cn.fpjc.core.assistance.payment.PaymentRequests.BatchInput;
import cn.fpjc.core.assistance.payment.PaymentRequests.Line;
import cn.fpjc.core.assistance.payment.PaymentService;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchDetail;
import cn.fpjc.core.assistance.payment.PaymentViews.Outcome;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * From approved applications to payments: the engine's programmes are what payment batches may name, and a batch for a
 * programme and period is made of the approved applications whose instalments fall in that period, leaving out members
 * already instructed for it (the payment module's unique key would refuse them).
 */
@ApplicationScoped
public class ProgrammePayments implements PaymentProgrammes {
    @Inject
    EntitlementService engine;

    @Inject
    ApplicationService applications;

    @Inject
    PaymentService payments;

    @Inject
    cn.fpjc.core.platform.security.CurrentUser user;

    @Override
    public Optional<String> displayName(String programmeId) {
        return engine.find(programmeId).map(AssistanceProgramme::name); // a method: a field read through the client proxy is null
    }

    @Override
    public boolean paysToAccount(String programmeId) {
        return engine.find(programmeId).map(AssistanceProgramme::paidToAccount).orElse(true);
    }

    /** Makes the batch of {@code period} (e.g. 2026-H1 for 雨露计划's spring term) from the year's approved applications. */
    @Transactional
    public Outcome<BatchDetail> batch(String programmeId, Integer year, String period) {
        user.requireAnyRole(PaymentService.MAKERS); // the payment module's makers, before anything is read
        AssistanceProgramme programme = engine.programme(programmeId);
        if (!programme.paidToAccount()) {
            throw new ApiException(cn.fpjc.core.assistance.payment.PaymentError.PAYMENT_PROGRAMME_NOT_TO_ACCOUNT,
                    programme.name() + "的资金直接用于代缴，不发放到一卡通：已审批名单交由主管部门办理");
        }
        if (year == null || period == null || period.isBlank()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("period", "请填写年度和发放期（如 2026、2026-H1）")));
        }
        int y = engine.checkedYear(year);
        ProgrammeRules rules = engine.rules(y);
        List<Line> wanted = new ArrayList<>();
        for (ProgrammeApplication a : applications.approved(programme.id(), y)) {
            programme.instalments(y, a.amount, rules).stream().filter(i -> i.period().equals(period.strip())).findFirst()
                    .ifPresent(i -> wanted.add(new Line(a.memberId, i.amount(), programme.name() + " " + y + "年" + i.label())));
        }
        PayableLines.Sorted lines = PayableLines.sort(programme.id(), period.strip(), wanted);
        if (lines.payable().isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("period",
                    y + "年没有可发放的已审批申请在发放期 " + period.strip() + "（" + programme.name() + "的发放期："
                            + String.join("、", programme.instalments(y, java.math.BigDecimal.ONE, rules).stream().map(i -> i.period()).toList()) + "）"
                            + (lines.skipped().isEmpty() ? "" : "；未能发放：" + String.join("；", lines.skipped())))));
        }
        Outcome<BatchDetail> made = payments.createGeneratedBatch(new BatchInput(programme.id(), period.strip(),
                PayableLines.note(programme.name() + " " + y + "年 已审批申请", lines.skipped()), lines.payable()));
        return made;
    }
}
