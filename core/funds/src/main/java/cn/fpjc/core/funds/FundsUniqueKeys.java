package cn.fpjc.core.funds;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The funds rules the database enforces: one row per document and source, one notice per kind and version, one pending change. */
@ApplicationScoped
public class FundsUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_fund_allocation_doc_source", FundsError.ALLOCATION_EXISTS, "uk_fund_project_notice", FundsError.NOTICE_EXISTS,
                "uk_fund_project_change_pending", FundsError.CHANGE_PENDING, "uk_fund_annual_plan_year", FundsError.PLAN_EXISTS);
    }
}
