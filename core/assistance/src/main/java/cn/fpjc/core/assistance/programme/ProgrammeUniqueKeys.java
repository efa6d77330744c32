package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * One application per member, programme and year, and one per household for a programme a household receives once: two
 * clerks submitting at once get one row and a 409.
 */
@ApplicationScoped
public class ProgrammeUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_programme_application", ProgrammeError.APPLICATION_EXISTS, "uk_programme_application_household",
                ProgrammeError.HOUSEHOLD_APPLICATION_EXISTS);
    }
}
