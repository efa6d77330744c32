package cn.fpjc.admin.error;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Two admins creating the same username at once: the key refuses the second with the usual message. */
@ApplicationScoped
public class AdminUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_app_user_username", AdminError.USERNAME_TAKEN);
    }
}
