package cn.fpjc.core.platform.org;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Two admins adding the same 区划代码 at once: the key refuses the second. */
@ApplicationScoped
public class OrgUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_org_unit_code", PlatformError.ORG_UNIT_EXISTS);
    }
}
