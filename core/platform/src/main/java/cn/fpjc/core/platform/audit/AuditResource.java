package cn.fpjc.core.platform.audit;

import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;

@Path("/api/counties/{county}/audit-log")
@TenantScoped
@RolesAllowed({Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER})
public class AuditResource {

    public record AuditView(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            String before, String after) {
    }

    /** Newest first; optionally only one entity's history. */
    @GET
    public List<AuditView> list(@PathParam("county") String county, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        var query = entityType == null
                ? AuditEntry.<AuditEntry>findAll(Sort.descending("id"))
                : entityId == null
                        ? AuditEntry.<AuditEntry>find("entityType", Sort.descending("id"), entityType)
                        : AuditEntry.<AuditEntry>find("entityType = ?1 and entityId = ?2", Sort.descending("id"), entityType, entityId);
        cn.fpjc.core.platform.web.Page.Window w = cn.fpjc.core.platform.web.Page.window(page, size, 200);
        return query.page(w.page(), w.size()).list().stream()
                .map(e -> new AuditView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.beforeJson, e.afterJson))
                .toList();
    }
}
