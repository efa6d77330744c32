package cn.fpjc.admin.cluster;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.admin.error.AdminError;
import cn.fpjc.admin.tenant.Tenant;
import cn.fpjc.admin.tenant.TenantRegistry;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Moves a county's database to another cluster, online, as the platform admin's action (README "Running at scale"):
 * <ol>
 * <li>the county turns MOVING — reads are served from the source, writes refused — and the move waits
 * {@code fpjc.tenancy.move-settle} so every replica has seen that (their registry refresh) and writes in flight are done;</li>
 * <li>its tables are created on the target and copied ({@link DatabaseCopier});</li>
 * <li>every table is compared on both sides by row count and checksum;</li>
 * <li>one control-plane transaction points the county at the target and makes it ACTIVE; the source database stays until
 * an explicit clean-up.</li>
 * </ol>
 * A failure at any step before the switch rolls back: the target database (created by this move) is dropped and the county
 * is ACTIVE on its source again. A move whose process died is rolled back the same way by the next sweep of any replica.
 * Every step is audited; one move per county at a time (a unique key in {@code county_move}).
 */
@ApplicationScoped
public class CountyMover {
    private static final Logger LOG = Logger.getLogger(CountyMover.class);
    private static final String ENTITY = "county_move";

    @Inject
    TenantConnections connections;

    @Inject
    TenantRegistry registry;

    @Inject
    PlatformAudit audit;

    @Inject
    AppClock clock;

    @Inject
    BackgroundJobs jobs;

    @Inject
    ObjectMapper json;

    @Inject
    cn.fpjc.core.platform.tenancy.TenancyConfig tenancy;

    /** Moves running in this process, so the sweep never rolls back one that is alive here. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();


    /** Starts moving {@code code} to {@code targetCluster}; returns at once with the move (202), which runs in the background. */
    public MoveView start(String actor, String code, String targetCluster) {
        String target = targetCluster.strip();
        CountyMove move = QuarkusTransaction.requiringNew().call(() -> {
            RowLocks.tenant(code);
            Tenant tenant = Tenant.findById(code);
            if (tenant == null) {
                throw new ApiException(PlatformError.NOT_FOUND, "县（区）" + code);
            }
            if (tenant.status != TenantStatus.ACTIVE) {
                throw new ApiException(AdminError.MOVE_CONFLICT, "只能迁移正常服务的县（区），当前状态：" + tenant.status.label());
            }
            RowLocks.cluster(target);
            DatabaseCluster cluster = DatabaseCluster.findById(target);
            if (cluster == null) {
                throw new ApiException(AdminError.CLUSTER_UNKNOWN, target);
            }
            if (cluster.name.equals(tenant.clusterName)) {
                throw new ApiException(AdminError.MOVE_CONFLICT, "该县（区）已在集群 " + target + " 上");
            }
            if (cluster.status != ClusterStatus.OPEN) {
                throw new ApiException(AdminError.CLUSTER_NOT_OPEN, cluster.name + "：" + cluster.status.label());
            }
            if (ClusterService.countiesPerCluster().getOrDefault(cluster.name, 0L) >= cluster.capacity) {
                throw new ApiException(AdminError.CLUSTER_NOT_OPEN, cluster.name + " 已达到容量 " + cluster.capacity);
            }
            CountyMove m = new CountyMove();
            m.tenantCode = code;
            m.activeTenant = code;
            m.sourceCluster = tenant.clusterName;
            m.targetCluster = cluster.name;
            m.databaseName = tenant.databaseName;
            m.step = CountyMove.Step.READ_ONLY;
            m.owner = jobs.owner();
            m.heartbeatAt = clock.machineNow();
            m.actor = actor;
            m.startedAt = clock.now();
            try {
                m.persist();
                CountyMove.flush();
            } catch (ConstraintViolationException e) {
                throw new ApiException(AdminError.MOVE_CONFLICT, "该县（区）已有一次迁移正在进行");
            }
            tenant.status = TenantStatus.MOVING;
            tenant.updatedAt = clock.now();
            registry.put(tenant.toInfo());
            audit.record(actor, "MOVE_START", ENTITY, code, null, Map.of("move", m.id, "from", m.sourceCluster, "to", m.targetCluster));
            return m;
        });
        running.add(move.id);
        try {
            // A background run of the county (its list shows it); one move at a time per process, since a copy already
            // uses a whole core and the target's write capacity.
            registry.find(code).ifPresent(info -> jobs.submit("county-move", "迁移数据库到集群 " + target, info, actor,
                    String.valueOf(move.id), 1, () -> run(move.id)));
        } catch (RuntimeException e) {
            running.remove(move.id);
            rollBack(move.id, "迁移任务未能启动：" + e.getMessage());
            throw e;
        }
        return view(move.id);
    }

    private String run(long id) throws JobFailedException {
        var requestContext = io.quarkus.arc.Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        long readOnlySince = System.nanoTime();
        try {
            CountyMove move = load(id);
            waitSettled(id);
            List<DatabaseCopier.TableCheck> checks = copyAndVerify(move);
            List<DatabaseCopier.TableCheck> wrong = checks.stream().filter(c -> !c.matches()).toList();
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("校验不一致的表：" + wrong.stream().map(DatabaseCopier.TableCheck::table).toList());
            }
            long readOnlyMillis = (System.nanoTime() - readOnlySince) / 1_000_000;
            switchOver(id, checks, readOnlyMillis);
            return "已切换到集群 " + move.targetCluster + "，校验 " + checks.size() + " 张表，只读 " + readOnlyMillis + " 毫秒";
        } catch (Exception e) {
            LOG.errorf(e, "county move %d failed; rolling back", id);
            rollBack(id, e.getClass().getSimpleName() + "：" + e.getMessage());
            throw new JobFailedException("迁移失败，已回滚：" + e.getMessage());
        } finally {
            running.remove(id);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** Waits until every replica has seen the county read-only (their registry refresh) and writes in flight have ended. */
    private void waitSettled(long id) throws InterruptedException {
        long until = System.nanoTime() + tenancy.moveSettle().toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(Math.min(1000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            heartbeat(id, null, null, null);
        }
    }

    private List<DatabaseCopier.TableCheck> copyAndVerify(CountyMove move) throws Exception {
        String db = move.databaseName;
        try (Connection source = connections.open(move.sourceCluster, db)) {
            List<String> problems = DatabaseCopier.uncopiable(source, db);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("库中有表复制不会带走的对象：" + problems);
            }
            List<String> tables = DatabaseCopier.tables(source, db);
            createTargetDatabase(move);
            step(move.id, CountyMove.Step.COPYING, tables.size());
            try (Connection target = connections.open(move.targetCluster, db)) {
                DatabaseCopier.createTables(source, target, tables);
                long rows = 0;
                int done = 0;
                for (String table : tables) {
                    long before = rows;
                    int tablesDone = done;
                    rows += DatabaseCopier.copyTable(source, target, db, table,
                            (t, copied) -> heartbeat(move.id, tablesDone, before + copied, null));
                    done++;
                    heartbeat(move.id, done, rows, null);
                }
                step(move.id, CountyMove.Step.VERIFYING, tables.size());
                List<DatabaseCopier.TableCheck> checks = new ArrayList<>();
                for (String table : tables) {
                    checks.add(DatabaseCopier.compare(source, target, db, table));
                }
                heartbeat(move.id, done, rows, json.writeValueAsString(checks.stream().map(CountyMover::checkView).toList()));
                return checks;
            }
        }
    }

    /** Refuses to reuse a database of the same name on the target: only a database this move created is ever dropped. */
    private void createTargetDatabase(CountyMove move) throws SQLException {
        try (Connection c = connections.openServer(move.targetCluster); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '"
                    + safe(move.databaseName) + "'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    throw new IllegalStateException("目标集群上已有同名数据库 " + move.databaseName + "，未覆盖");
                }
            }
            st.execute("CREATE DATABASE `" + safe(move.databaseName) + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            QuarkusTransaction.requiringNew().run(() -> {
                CountyMove m = CountyMove.findById(move.id);
                m.error = null;
                m.verification = null;
            });
            createdTargets.add(move.id);
        }
    }

    /** Moves of this process whose target database it created (only those are dropped on roll-back). */
    private final Set<Long> createdTargets = ConcurrentHashMap.newKeySet();

    private void switchOver(long id, List<DatabaseCopier.TableCheck> checks, long readOnlyMillis) {
        QuarkusTransaction.requiringNew().run(() -> {
            RowLocks.move(id);
            CountyMove move = CountyMove.findById(id);
            RowLocks.tenant(move.tenantCode);
            Tenant tenant = Tenant.findById(move.tenantCode);
            if (move.step != CountyMove.Step.VERIFYING || tenant.status != TenantStatus.MOVING) {
                throw new IllegalStateException("迁移状态已被改变（" + move.step.label() + "），未切换");
            }
            tenant.clusterName = move.targetCluster;
            tenant.status = TenantStatus.ACTIVE;
            tenant.updatedAt = clock.now();
            move.step = CountyMove.Step.SWITCHED;
            move.activeTenant = null;
            move.switchedAt = clock.now();
            move.finishedAt = move.switchedAt;
            move.readOnlyMillis = readOnlyMillis;
            registry.put(tenant.toInfo());
            audit.record(move.actor, "MOVE_SWITCH", ENTITY, move.tenantCode, Map.of("cluster", move.sourceCluster),
                    Map.of("cluster", move.targetCluster, "tables", checks.size(), "rows", move.rowsCopied, "readOnlyMillis", readOnlyMillis));
        });
        createdTargets.remove(id);
        LOG.infof("county move %d switched after %d ms read-only", id, readOnlyMillis);
    }

    /**
     * Undoes a move that has not switched: drops the target database if this move created it (by this process, or — for a
     * move whose process died — if the target holds the county's database while the county still points at the source),
     * and makes the county ACTIVE on its source again.
     */
    void rollBack(long id, String reason) {
        CountyMove move = load(id);
        if (!move.step.inProgress()) {
            return;
        }
        String dropProblem = null;
        try {
            // A move of this process drops only what it created; one whose process died had created the target database
            // once it reached COPYING (a same-named database found before that was refused, never adopted).
            boolean created = createdTargets.remove(id) || (!running.contains(id)
                    && (move.step == CountyMove.Step.COPYING || move.step == CountyMove.Step.VERIFYING));
            if (created) {
                try (Connection c = connections.openServer(move.targetCluster); Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS `" + safe(move.databaseName) + "`");
                }
            }
        } catch (SQLException | RuntimeException e) {
            dropProblem = "；目标集群上的部分副本未能删除（" + e.getMessage() + "），请手工删除数据库 " + move.databaseName;
        }
        String message = reason + (dropProblem == null ? "" : dropProblem);
        QuarkusTransaction.requiringNew().run(() -> {
            RowLocks.move(id);
            CountyMove m = CountyMove.findById(id);
            if (!m.step.inProgress()) {
                return;
            }
            RowLocks.tenant(m.tenantCode);
            Tenant tenant = Tenant.findById(m.tenantCode);
            if (tenant.status == TenantStatus.MOVING) {
                tenant.status = TenantStatus.ACTIVE;
                tenant.updatedAt = clock.now();
                registry.put(tenant.toInfo());
            }
            m.step = CountyMove.Step.ROLLED_BACK;
            m.activeTenant = null;
            m.error = message.length() > 4000 ? message.substring(0, 4000) : message;
            m.finishedAt = clock.now();
            audit.record(m.actor, "MOVE_ROLLBACK", ENTITY, m.tenantCode, null, Map.of("move", m.id, "reason", m.error));
        });
        LOG.warnf("county move %d rolled back: %s", id, message);
    }

    /**
     * A move whose process died (heartbeat older than {@code fpjc.tenancy.move-stale}, or left by an earlier process of this
     * node) is rolled back, by whichever replica sweeps first; the row lock makes that once.
     */
    @Scheduled(every = "${fpjc.jobs.sweep:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void recoverInterrupted() {
        Instant horizon = clock.machineNow().minus(tenancy.moveStale());
        String owner = jobs.owner();
        if (owner == null) {
            return;
        }
        String node = owner.substring(0, owner.lastIndexOf('@') + 1);
        List<CountyMove> interrupted = QuarkusTransaction.requiringNew().call(() -> CountyMove.<CountyMove>list("activeTenant is not null"))
                .stream()
                .filter(m -> !running.contains(m.id))
                .filter(m -> m.heartbeatAt == null || m.heartbeatAt.isBefore(horizon)
                        || (m.owner != null && m.owner.startsWith(node) && !m.owner.equals(owner)))
                .toList();
        for (CountyMove m : interrupted) {
            rollBack(m.id, "迁移进程中断（服务重启或进程退出），已回滚");
        }
    }

    /** Drops the source database of a switched move: the explicit last step, after the admin has checked the county. */
    public MoveView cleanUp(String actor, String code, long id) {
        CountyMove move = load(id);
        if (!move.tenantCode.equals(code)) {
            throw new ApiException(AdminError.MOVE_UNKNOWN, code + " / " + id);
        }
        if (move.step != CountyMove.Step.SWITCHED) {
            throw new ApiException(AdminError.MOVE_CONFLICT, "只能清理已切换的迁移的原库，当前：" + move.step.label());
        }
        Instant settled = move.switchedAt.plus(tenancy.moveSettle());
        if (clock.now().isBefore(settled)) {
            throw new ApiException(AdminError.MOVE_CONFLICT, "切换后请至少等待 " + tenancy.moveSettle().toSeconds() + " 秒（各副本刷新县的位置）再清理原库");
        }
        String current = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(code).clusterName);
        if (current.equals(move.sourceCluster)) {
            throw new ApiException(AdminError.MOVE_CONFLICT, "该县（区）已迁回原集群，原库正在使用，不能删除");
        }
        try (Connection c = connections.openServer(move.sourceCluster); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + safe(move.databaseName) + "`");
        } catch (SQLException e) {
            throw new ApiException(AdminError.CLUSTER_UNREACHABLE, move.sourceCluster + "：" + e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            RowLocks.move(id);
            CountyMove m = CountyMove.findById(id);
            m.step = CountyMove.Step.CLEANED;
            m.cleanedAt = clock.now();
            audit.record(actor, "MOVE_CLEANUP", ENTITY, code, null, Map.of("move", id, "dropped", move.sourceCluster + "/" + move.databaseName));
        });
        return view(id);
    }

    public List<MoveView> moves(String code) {
        return QuarkusTransaction.requiringNew().call(() -> CountyMove.<CountyMove>list("tenantCode", Sort.descending("id"), code)
                .stream().map(this::toView).toList());
    }

    /** The latest moves of every county, newest first: the platform admin's page follows them. */
    public List<MoveView> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> CountyMove.<CountyMove>findAll(Sort.descending("id")).page(0, limit).list()
                .stream().map(this::toView).toList());
    }

    public MoveView view(long id) {
        return toView(load(id));
    }

    public MoveView view(String code, long id) {
        MoveView view = view(id);
        if (!view.tenantCode().equals(code)) {
            throw new ApiException(AdminError.MOVE_UNKNOWN, code + " / " + id);
        }
        return view;
    }

    private CountyMove load(long id) {
        CountyMove move = QuarkusTransaction.requiringNew().call(() -> CountyMove.<CountyMove>findById(id));
        if (move == null) {
            throw new ApiException(AdminError.MOVE_UNKNOWN, String.valueOf(id));
        }
        return move;
    }

    private void step(long id, CountyMove.Step step, int tables) {
        QuarkusTransaction.requiringNew().run(() -> {
            CountyMove m = CountyMove.findById(id);
            if (!m.step.inProgress()) {
                throw new IllegalStateException("迁移已被回滚");
            }
            m.step = step;
            m.tablesTotal = tables;
            m.heartbeatAt = clock.machineNow();
        });
    }

    /** Records progress and proves the move is still wanted (a sweep elsewhere may have rolled it back). */
    private void heartbeat(long id, Integer tablesCopied, Long rowsCopied, String verification) {
        QuarkusTransaction.requiringNew().run(() -> {
            CountyMove m = CountyMove.findById(id);
            if (!m.step.inProgress()) {
                throw new IllegalStateException("迁移已被回滚");
            }
            m.heartbeatAt = clock.machineNow();
            if (tablesCopied != null) {
                m.tablesCopied = tablesCopied;
            }
            if (rowsCopied != null) {
                m.rowsCopied = rowsCopied;
            }
            if (verification != null) {
                m.verification = verification;
            }
        });
    }

    private static MoveView.TableCheckView checkView(DatabaseCopier.TableCheck c) {
        return new MoveView.TableCheckView(c.table(), c.sourceRows(), c.targetRows(), c.sourceChecksum(), c.targetChecksum(), c.matches());
    }

    private MoveView toView(CountyMove m) {
        List<MoveView.TableCheckView> checks = List.of();
        if (m.verification != null) {
            try {
                checks = json.readValue(m.verification, new TypeReference<List<MoveView.TableCheckView>>() {
                });
            } catch (java.io.IOException e) {
                checks = List.of();
            }
        }
        return new MoveView(m.id, m.tenantCode, m.sourceCluster, m.targetCluster, m.databaseName, m.step, m.step.label(), m.tablesTotal,
                m.tablesCopied, m.rowsCopied, checks, m.error, m.actor, m.startedAt, m.switchedAt, m.readOnlyMillis, m.finishedAt, m.cleanedAt);
    }

    private static String safe(String database) {
        if (!database.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("unsafe database name");
        }
        return database;
    }
}
