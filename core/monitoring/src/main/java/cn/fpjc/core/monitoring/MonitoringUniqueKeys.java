package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** One case in progress per household, parent or child ({@code uk_case_open_household}, see the changelog). */
@ApplicationScoped
public class MonitoringUniqueKeys implements UniqueKeyCodes {
    static final String OPEN_CASE_KEY = "uk_case_open_household";

    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of(OPEN_CASE_KEY, MonitoringError.CASE_ALREADY_OPEN);
    }
}
