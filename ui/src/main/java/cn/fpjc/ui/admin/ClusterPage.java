package cn.fpjc.ui.admin;

import cn.fpjc.admin.cluster.ClusterRequests;
import cn.fpjc.admin.cluster.ClusterService;
import cn.fpjc.admin.cluster.ClusterStatus;
import cn.fpjc.admin.cluster.ClusterView;
import cn.fpjc.admin.cluster.CountyMove;
import cn.fpjc.admin.cluster.CountyMover;
import cn.fpjc.admin.cluster.MoveView;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 数据库集群, for the platform admin (README "Running at scale"): each cluster with its counties and sizes, registering one,
 * its status and capacity, and moving a county to another cluster — started here, run in the background, followed on the
 * page (it refreshes itself while a move runs). The same services as {@code /api/admin/clusters} and
 * {@code /api/admin/tenants/{code}/moves}.
 */
@Path("/admin/clusters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ClusterPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clusters();
    }

    /** How many of the latest moves the page lists. */
    static final int RECENT_MOVES = 20;
    /** A cluster's county list is folded beyond this many counties, so the page stays readable with many. */
    static final int OPEN_LIST_UP_TO = 20;

    @Inject
    ClusterService clusters;

    @Inject
    CountyMover mover;

    @Inject
    CurrentUser user;

    @Inject
    Validator validator;

    @Inject
    AppClock clock;

    /** The registration form as typed, shown again with each refusal beside its input. */
    public record RegisterForm(String name, String jdbcUrl, String credentials, String capacity, String poolSize) {
        static final RegisterForm EMPTY = new RegisterForm("", "", "", "", "16");
    }

    /**
     * A refusal of one of the small forms, shown beside it: {@code form} update (key: the cluster), move (key: the county)
     * or cleanup (key: the move id).
     */
    public record Refusal(String form, String key, String message) {
    }

    /** A cluster another county may be moved to; {@code open} false: shown, but not choosable (full, draining or at capacity). */
    public record Target(String name, String label, boolean open) {
    }

    /** One county on a cluster as the page shows it. */
    public record CountyRow(String code, String name, String status, String statusLabel, String databaseName, String size,
            boolean movable, String movingTo, List<Target> targets) {
    }

    /** One cluster as the page shows it. */
    public record ClusterRow(String name, String server, String credentials, String statusName, String statusLabel, int capacity,
            String poolSize, int counties, int percent, String size, String problem, boolean folded, List<CountyRow> tenants) {
    }

    /** One move as the page shows it. */
    public record MoveRow(long id, String tenantCode, String countyName, String sourceCluster, String targetCluster, String databaseName,
            String step, String stepLabel, boolean inProgress, boolean cleanable, int tablesTotal, int tablesCopied, long rowsCopied,
            int checks, long mismatched, String readOnly, String startedAt, String switchedAt, String error) {
    }

    @GET
    public Response show(@CookieParam(Flash.INFO) String flash) {
        return page(200, RegisterForm.EMPTY, Map.of(), null, null).flash(Flash.text(flash)).build();
    }

    @POST
    public Response register(@RestForm String name, @RestForm String jdbcUrl, @RestForm String credentials, @RestForm String capacity,
            @RestForm String poolSize) {
        RegisterForm typed = new RegisterForm(name, jdbcUrl, credentials, capacity, poolSize);
        Map<String, String> errors = new HashMap<>();
        Integer capacityValue = number(capacity, "capacity", "容量应为整数（最多容纳的县数）", errors);
        Integer poolValue = trim(poolSize).isEmpty() ? null : number(poolSize, "poolSize", "连接池大小应为整数", errors);
        ClusterRequests.Register request = new ClusterRequests.Register(trim(name), trim(jdbcUrl), trim(credentials), capacityValue, poolValue);
        validate(request, errors);
        if (!errors.isEmpty()) {
            return page(400, typed, errors, null, null).build();
        }
        try {
            ClusterView view = clusters.register(user.username(), request);
            return redirect("已登记数据库集群：" + view.name() + "（" + view.server() + "）");
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            Map<String, String> byField = new HashMap<>();
            e.fieldErrors().forEach(f -> byField.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
            return page(e.code().status(), typed, byField, byField.isEmpty() ? e.humanMessage() : null, null).build();
        }
    }

    @POST
    @Path("/{name}")
    public Response update(@PathParam("name") String name, @RestForm String status, @RestForm String capacity) {
        ClusterStatus statusValue = null;
        Map<String, String> errors = new HashMap<>();
        if (!trim(status).isEmpty()) {
            try {
                statusValue = ClusterStatus.valueOf(trim(status));
            } catch (IllegalArgumentException unknown) {
                errors.put("status", "未知状态");
            }
        }
        Integer capacityValue = trim(capacity).isEmpty() ? null : number(capacity, "capacity", "容量应为整数", errors);
        ClusterRequests.Update request = new ClusterRequests.Update(statusValue, capacityValue);
        validate(request, errors);
        if (!errors.isEmpty()) {
            return page(400, RegisterForm.EMPTY, Map.of(), null, new Refusal("update", name, String.join("；", errors.values()))).build();
        }
        try {
            ClusterView view = clusters.update(user.username(), name, request);
            return redirect("已更新集群 " + view.name() + "：" + view.statusLabel() + "，容量 " + view.capacity());
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return page(e.code().status(), RegisterForm.EMPTY, Map.of(), null, new Refusal("update", name, e.humanMessage())).build();
        }
    }

    @POST
    @Path("/counties/{code}/move")
    public Response move(@PathParam("code") String code, @RestForm String targetCluster) {
        if (trim(targetCluster).isEmpty()) {
            return page(400, RegisterForm.EMPTY, Map.of(), null, new Refusal("move", code, "请选择目标集群")).build();
        }
        try {
            MoveView move = mover.start(user.username(), code, trim(targetCluster));
            return redirect("已开始迁移 " + code + " 到集群 " + move.targetCluster() + "：迁移期间该县（区）只读，进度见下方“迁移记录”");
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return page(e.code().status(), RegisterForm.EMPTY, Map.of(), null, new Refusal("move", code, e.humanMessage())).build();
        }
    }

    @POST
    @Path("/moves/{code}/{id}/cleanup")
    public Response cleanUp(@PathParam("code") String code, @PathParam("id") long id) {
        try {
            MoveView move = mover.cleanUp(user.username(), code, id);
            return redirect("已删除集群 " + move.sourceCluster() + " 上 " + code + " 的原库 " + move.databaseName());
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return page(e.code().status(), RegisterForm.EMPTY, Map.of(), null, new Refusal("cleanup", String.valueOf(id), e.humanMessage()))
                    .build();
        }
    }

    /** The page, answered with {@code status}; it refreshes itself every few seconds while a move runs. */
    private Built page(int status, RegisterForm form, Map<String, String> errors, String error, Refusal refusal) {
        List<ClusterView> views = clusters.list();
        List<MoveView> moves = mover.recent(RECENT_MOVES);
        Map<String, String> movingTo = new HashMap<>();
        moves.stream().filter(m -> m.step().inProgress()).forEach(m -> movingTo.put(m.tenantCode(), m.targetCluster()));
        Map<String, String> names = new HashMap<>();
        views.forEach(c -> c.tenants().forEach(t -> names.put(t.code(), t.name())));

        List<ClusterRow> rows = views.stream().map(c -> {
            List<Target> targets = views.stream().filter(o -> !o.name().equals(c.name()))
                    .map(o -> new Target(o.name(), o.name() + "（" + o.statusLabel() + "，" + o.counties() + "/" + o.capacity() + "）",
                            o.status() == ClusterStatus.OPEN && o.counties() < o.capacity()))
                    .toList();
            List<CountyRow> tenants = c.tenants().stream().map(t -> new CountyRow(t.code(), t.name(), t.status(), t.statusLabel(),
                    t.databaseName(), t.bytes() == null ? "—" : megabytes(t.bytes()),
                    TenantStatus.ACTIVE.name().equals(t.status()) && !movingTo.containsKey(t.code()), movingTo.get(t.code()), targets)).toList();
            int percent = c.capacity() <= 0 ? 100 : (int) Math.min(100, Math.round(100.0 * c.counties() / c.capacity()));
            return new ClusterRow(c.name(), c.server(), c.credentials() == null ? "配置文件中的数据源账号" : c.credentials(), c.status().name(),
                    c.statusLabel(), c.capacity(), c.poolSize() <= 0 ? "按配置" : String.valueOf(c.poolSize()), c.counties(), percent,
                    megabytes(c.bytes()), c.problem(), c.counties() > OPEN_LIST_UP_TO, tenants);
        }).toList();

        Set<String> cleaned = new HashSet<>();
        List<MoveRow> moveRows = moves.stream().map(m -> {
            // Only the newest switched move of a county may still have its source database to drop.
            boolean cleanable = m.step() == CountyMove.Step.SWITCHED && cleaned.add(m.tenantCode());
            return new MoveRow(m.id(), m.tenantCode(), names.getOrDefault(m.tenantCode(), ""), m.sourceCluster(), m.targetCluster(),
                    m.databaseName(), m.step().name(), m.stepLabel(), m.step().inProgress(), cleanable, m.tablesTotal(), m.tablesCopied(),
                    m.rowsCopied(), m.checks().size(), m.checks().stream().filter(x -> !x.matches()).count(), readOnly(m),
                    m.startedAt() == null ? "" : cn.fpjc.core.platform.web.Times.minute(m.startedAt()),
                    m.switchedAt() == null ? "" : cn.fpjc.core.platform.web.Times.minute(m.switchedAt()), m.error());
        }).toList();
        boolean running = moveRows.stream().anyMatch(MoveRow::inProgress);

        TemplateInstance t = Templates.clusters().data("user", PageUser.of(user)).data("clusters", rows).data("moves", moveRows)
                .data("running", running).data("statuses", List.of(ClusterStatus.values())).data("form", form).data("errors", errors)
                .data("refusal", refusal).data("error", error).data("recentMoves", RECENT_MOVES);
        return new Built(status, t, running);
    }

    /** The rendered page and whether it should poll itself. */
    private record Built(int status, TemplateInstance template, boolean running) {
        Built flash(String flash) {
            template.data("flash", flash);
            return this;
        }

        Response build() {
            Response.ResponseBuilder r = Response.status(status).entity(template).header("Cache-Control", "no-store");
            if (running) {
                // A move runs in the background: the page follows it (5 s: light on the server, enough to see the steps).
                r.header("Refresh", "5");
            }
            return r.build();
        }
    }

    /** How long the county has been (or was) read-only, in seconds. */
    private String readOnly(MoveView m) {
        if (m.readOnlyMillis() != null) {
            return String.format(Locale.ROOT, "%.1f 秒", m.readOnlyMillis() / 1000.0);
        }
        if (m.step().inProgress() && m.startedAt() != null) {
            return "已 " + Math.max(0, Duration.between(m.startedAt(), clock.now()).toSeconds()) + " 秒";
        }
        return "—";
    }

    /** The request's constraint messages by field, except on a field already refused for what was typed (not a number). */
    private <T> void validate(T request, Map<String, String> errors) {
        Set<String> typed = Set.copyOf(errors.keySet());
        validator.validate(request).stream().filter(v -> !typed.contains(v.getPropertyPath().toString()))
                .forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "；" + b));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static Integer number(String text, String field, String message, Map<String, String> errors) {
        String s = trim(text);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static Response redirect(String flash) {
        return Response.seeOther(URI.create("/admin/clusters")).cookie(Flash.info(flash)).build();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
