package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The keys that close the payment races (db/assistance/payment.xml): one live instruction per programme, period and
 * beneficiary; one instruction and one batch per idempotency key; one re-issue per failed instruction; one account per
 * household.
 */
@ApplicationScoped
public class PaymentUniqueKeys implements UniqueKeyCodes {
    static final String BENEFICIARY = "uk_payment_beneficiary";
    static final String INSTRUCTION_KEY = "uk_payment_instruction_idem";
    static final String BATCH_KEY = "uk_payment_batch_idem";
    static final String REISSUE = "uk_payment_reissue";
    static final String INSTRUCTION_NO = "uk_payment_instruction_no";
    static final String ACCOUNT = "uk_household_account";

    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of(BENEFICIARY, PaymentError.PAYMENT_ALREADY_INSTRUCTED, INSTRUCTION_KEY, PaymentError.PAYMENT_REQUEST_IN_PROGRESS,
                BATCH_KEY, PaymentError.PAYMENT_REQUEST_IN_PROGRESS, REISSUE, PaymentError.PAYMENT_ALREADY_REISSUED, INSTRUCTION_NO,
                PaymentError.PAYMENT_INSTRUCTION_NO_TAKEN, ACCOUNT, cn.fpjc.core.platform.error.PlatformError.CONCURRENT_UPDATE);
    }
}
