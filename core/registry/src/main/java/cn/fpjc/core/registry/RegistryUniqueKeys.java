package cn.fpjc.core.registry;

import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.UniqueKeyCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The registry's unique keys: a 户编号 or a person registered by two requests at once loses with the same code as one checked before. */
@ApplicationScoped
public class RegistryUniqueKeys implements UniqueKeyCodes {
    @Override
    public Map<String, ErrorCode> uniqueKeys() {
        return Map.of("uk_household_no", RegistryError.HOUSEHOLD_NO_TAKEN, "uk_member_id_hash", RegistryError.PERSON_ALREADY_REGISTERED);
    }
}
