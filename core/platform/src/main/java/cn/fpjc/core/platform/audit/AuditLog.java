package cn.fpjc.core.platform.audit;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.TreeSet;

/**
 * Records writes in the current tenant's audit log, inside the caller's transaction so the entry
 * and the change commit or roll back together. Callers pass DTO snapshots, never entities, and
 * must not put unmasked ID numbers in them.
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    AppClock clock;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = clock.now();
        CurrentUser user = currentUser();
        // No request: a job ("system"); a request without a signed-in user: the public forms ("public").
        entry.actor = user != null ? user.username() : Arc.container().requestContext().isActive() ? "public" : "system";
        entry.actorRoles = user == null ? null : String.join(",", new TreeSet<>(user.roles()));
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.beforeJson = Snapshots.toJson(json, before);
        entry.afterJson = Snapshots.toJson(json, after);
        entry.persist();
    }

    private static CurrentUser currentUser() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentUser user = Arc.container().instance(CurrentUser.class).get();
        return user.isAuthenticated() ? user : null;
    }
}
