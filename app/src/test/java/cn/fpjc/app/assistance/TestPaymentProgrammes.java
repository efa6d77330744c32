package cn.fpjc.app.assistance;

import cn.fpjc.core.assistance.payment.PaymentProgrammes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Test only: the one programme payments know in tests, until the programme engine implements {@link PaymentProgrammes}. */
@ApplicationScoped
public class TestPaymentProgrammes implements PaymentProgrammes {
    public static final String ID = "test-programme";

    @Override
    public Optional<String> displayName(String programmeId) {
        return ID.equals(programmeId) ? Optional.of("测试补贴项目") : Optional.empty();
    }
}
