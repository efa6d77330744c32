package cn.fpjc.core.funds.spending;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A voucher number once per project, a payment reversed once, as the database enforces them. */
@ApplicationScoped
public class SpendingUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_fund_payment_voucher", SpendingError.SPENDING_VOUCHER_EXISTS, "uk_fund_payment_reversal",
                SpendingError.SPENDING_ALREADY_REVERSED);
    }
}
