package cn.fpjc.admin.audit;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.audit.Snapshots;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records control-plane writes inside the caller's transaction. */
@ApplicationScoped
public class PlatformAudit {
    @Inject
    AppClock clock;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entityType, String entityId, Object before, Object after) {
        PlatformAuditEntry entry = new PlatformAuditEntry();
        entry.occurredAt = clock.now();
        entry.actor = actor;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.beforeJson = Snapshots.toJson(json, before);
        entry.afterJson = Snapshots.toJson(json, after);
        entry.persist();
    }
}
