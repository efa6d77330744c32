package cn.fpjc.core.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Before/after snapshots as JSON, the same way for the tenant and the platform audit logs. */
public final class Snapshots {
    private Snapshots() {
    }

    public static String toJson(ObjectMapper json, Object snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit snapshot not serialisable: " + snapshot.getClass().getName(), e);
        }
    }
}
