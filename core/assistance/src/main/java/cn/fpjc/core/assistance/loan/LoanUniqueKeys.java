package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A bank contract number belongs to one loan; a ledger row (by its 流水号) is imported once per loan (see db/assistance/loan.xml). */
@ApplicationScoped
public class LoanUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_loan_contract_no", LoanError.LOAN_CONTRACT_NO_TAKEN, "uk_loan_repayment_ledger", LoanError.LOAN_LEDGER_ROW_DUPLICATE);
    }
}
