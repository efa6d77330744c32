package cn.fpjc.core.assistance.welfarejob;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** 一人一岗, 一岗一人 and one payroll line per placement and month, as the database enforces them. */
@ApplicationScoped
public class WelfareJobUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_placement_active_member", WelfareJobError.MEMBER_ALREADY_PLACED, "uk_placement_active_position",
                WelfareJobError.POSITION_TAKEN, "uk_payroll_placement_month", WelfareJobError.PAYROLL_EXISTS);
    }
}
