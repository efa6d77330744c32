package cn.fpjc.core.platform.jobs;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScope;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one mechanism for background work (README "Background work"). Every run is a row of {@code background_run} in the
 * control database. A scheduled county job's row carries its scheduled time (slot), and the unique key (job, county,
 * slot) decides which replica runs it: each replica tries the INSERT, the database lets one through. Running rows carry
 * the owner's heartbeat; a row whose heartbeat went stale (or that an earlier process of this replica left behind) is
 * resumed once more or marked failed with the reason, never left RUNNING. Threads belong to this bean and stop with the
 * application. Its bookkeeping runs on the machine's time ({@link AppClock#machineNow()}): a date moved for a demo or a
 * test must not make live heartbeats look stale.
 */
@ApplicationScoped
public class BackgroundJobs {
    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class);
    static final String TIME_ZONE = "Asia/Shanghai";

    @Inject
    AgroalDataSource control;

    @Inject
    cn.fpjc.core.platform.tx.DeadlockRetry retry;

    @Inject
    AppClock clock;

    @Inject
    TenantDirectory tenants;

    @Inject
    Instance<CountyJob> countyJobs;

    @Inject
    Scheduler scheduler;

    @Inject
    JobsConfig config;

    @Inject
    JobMeters meters;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    /** Bounded thread pools, one per kind of work, owned here and shut down with the application. */
    private final Map<String, ThreadPoolExecutor> lanes = new ConcurrentHashMap<>();
    private volatile String node;
    private volatile String owner;
    private volatile boolean stopping;

    /** Early (before the tenant registry starts its migrations, which are background runs with this process as owner). */
    void start(@Observes @jakarta.annotation.Priority(50) StartupEvent event) {
        node = config.node().orElseGet(() -> hostName() + ":" + httpPort);
        owner = node + "@" + clock.machineNow().truncatedTo(ChronoUnit.MILLIS);
        for (CountyJob job : countyJobs) {
            scheduler.newJob("county-job:" + job.id()).setCron(job.cron()).setTimeZone(TIME_ZONE)
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> runSlot(job, execution.getScheduledFireTime()))
                    .schedule();
            meters.declare(job.id());
            LOG.infof("county job %s (%s) scheduled: %s", job.id(), job.label(), job.cron());
        }
    }

    /** This process's identity in {@code background_run.owner}. */
    public String owner() {
        return owner;
    }

    // ---------------------------------------------------------------- scheduled county jobs

    /**
     * One firing of a county job: every active county in turn, each claimed by inserting its (job, county, slot) row. A
     * county another replica claimed is skipped; one failing county does not stop the others.
     */
    public void runSlot(CountyJob job, Instant scheduled) {
        // Replicas agree on the slot because it is the cron's time, not the moment a replica's timer woke up.
        LocalDateTime slot = utc(scheduled.truncatedTo(ChronoUnit.SECONDS));
        List<TenantInfo> active = tenants.active();
        int here = 0;
        for (TenantInfo tenant : active) {
            if (stopping) {
                return;
            }
            Long run = claim(job, tenant, slot);
            if (run != null) {
                here++;
                execute(run, job.id(), JobMeters.Trigger.SCHEDULED, tenant.code(), () -> {
                    job.run(tenant);
                    return null;
                });
            }
        }
        LOG.infof("county job %s fired for slot %s: %d of %d counties run here, the rest claimed by other replicas", job.id(), slot,
                here, active.size());
    }

    /** The database decides: the INSERT succeeds on one replica, the others hit the unique key. */
    private Long claim(CountyJob job, TenantInfo tenant, LocalDateTime slot) {
        try {
            return insertRun(job.id(), job.label(), tenant.code(), slot, "SCHEDULED", "system", null);
        } catch (SQLIntegrityConstraintViolationException taken) {
            return null;
        } catch (SQLException e) {
            LOG.errorf(e, "county job %s of %s: could not claim slot %s", job.id(), tenant.code(), slot);
            return null;
        }
    }

    // ---------------------------------------------------------------- work started by people

    /**
     * Runs {@code task} in the background on the bounded pool of its kind ({@code parallel} at a time in this process, more
     * wait) and records it as a run of the county, so it shows in the county's list and is never left RUNNING by a crash.
     *
     * @return the run's id
     */
    public long submit(String jobId, String label, TenantInfo tenant, String actor, String ref, int parallel, BackgroundTask task) {
        long run;
        try {
            run = insertRun(jobId, label, tenant.code(), null, "ON_DEMAND", actor, ref);
        } catch (SQLException e) {
            throw new IllegalStateException("background run of " + jobId, e);
        }
        try {
            lane(jobId, parallel).execute(() -> execute(run, jobId, JobMeters.Trigger.ON_DEMAND, tenant.code(), task));
        } catch (RejectedExecutionException e) {
            finish(run, "FAILED", "服务正在停止，任务未能开始，请稍后重新发起");
            meters.finished(jobId, JobMeters.Trigger.ON_DEMAND, false, 0);
        }
        return run;
    }

    private ThreadPoolExecutor lane(String kind, int parallel) {
        if (stopping) {
            throw new RejectedExecutionException("stopping");
        }
        return lanes.computeIfAbsent(kind, k -> {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.max(parallel, 1), Math.max(parallel, 1), 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "job-" + k + "-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        });
    }

    private void execute(long run, String jobId, JobMeters.Trigger trigger, String county, BackgroundTask task) {
        // A duration, not a date: the monotonic clock, unaffected by a demo's or a test's moved AppClock.
        long started = System.nanoTime();
        boolean done = false;
        try {
            // Bound to its county, so the work reads that county's date (AppClock) and any tenant session it opens is the county's.
            String note = TenantScope.callChecked(county, task::run);
            finish(run, "DONE", note);
            done = true;
        } catch (JobFailedException e) {
            finish(run, "FAILED", e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "background run %d of %s failed", run, county);
            finish(run, "FAILED", "执行出错（" + e.getClass().getSimpleName() + "），请稍后重试；如仍失败请联系管理员");
        } catch (VirtualMachineError e) {
            // Out of memory or stack: the work's own objects are garbage now and the thread can record the end. Left uncaught,
            // the run would stay RUNNING until a sweep called it a restart, and nothing would say why.
            LOG.errorf(e, "background run %d of %s ran out of resources", run, county);
            finish(run, "FAILED", RESOURCES_EXHAUSTED + "（" + e.getClass().getSimpleName() + "），没有完成");
        } finally {
            meters.finished(jobId, trigger, done, System.nanoTime() - started);
        }
    }

    /** The reason recorded when work ends in OutOfMemoryError or StackOverflowError (for an import: the file). */
    public static final String RESOURCES_EXHAUSTED = "文件过大或格式异常，处理时超出了服务器的内存或栈的限度";

    // ---------------------------------------------------------------- heartbeat and interrupted runs

    /** Marks this process's running work alive, so no replica takes it for interrupted. */
    @Scheduled(every = "${fpjc.jobs.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        if (owner == null || stopping) {
            return;
        }
        try {
            control(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE background_run SET heartbeat_at = ? WHERE owner = ? AND status = 'RUNNING'")) {
                    st.setObject(1, utc(clock.machineNow()));
                    st.setString(2, owner);
                    return st.executeUpdate();
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("background heartbeat failed: %s", e.getMessage());
        }
    }

    /**
     * Finds runs whose process died (stale heartbeat, or left behind by an earlier process of this replica): a scheduled
     * county job is started again until {@code fpjc.jobs.max-attempts}, anything else is marked failed with the reason.
     * Runs at startup and then every {@code fpjc.jobs.sweep} (30 s).
     */
    @Scheduled(every = "${fpjc.jobs.sweep:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        if (owner == null || stopping) {
            return;
        }
        try {
            for (Interrupted r : interrupted()) {
                recover(r);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("background sweep failed: %s", e.getMessage());
        }
    }

    record Interrupted(long id, String job, String county, LocalDateTime slot, String owner, LocalDateTime heartbeat, int attempts) {
    }

    /** Its owner stopped beating, or it was left by an earlier process of this replica (parameters: cutoff, node pattern, owner). */
    private static final String STILL_INTERRUPTED = "(heartbeat_at < ? OR (owner LIKE ? AND owner <> ?))";

    private String earlierProcessOfThisNode() {
        return node.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "@%";
    }

    private List<Interrupted> interrupted() throws SQLException {
        return control(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, job_id, county_code, slot, owner, heartbeat_at, attempts FROM background_run"
                    + " WHERE status = 'RUNNING' AND " + STILL_INTERRUPTED + " ORDER BY id LIMIT 200")) {
                st.setObject(1, utc(clock.machineNow().minus(config.staleAfter())));
                st.setString(2, earlierProcessOfThisNode());
                st.setString(3, owner);
                List<Interrupted> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Interrupted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class),
                                rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getInt(7)));
                    }
                }
                return out;
            }
        });
    }

    private void recover(Interrupted r) throws SQLException {
        Optional<CountyJob> job = r.slot() == null ? Optional.empty() : countyJobs.stream().filter(j -> j.id().equals(r.job())).findFirst();
        Optional<TenantInfo> tenant = tenants.find(r.county());
        if (job.isPresent() && tenant.isPresent() && (tenant.get().status() == TenantStatus.MIGRATING
                || tenant.get().status() == TenantStatus.PROVISIONING || tenant.get().status() == TenantStatus.MOVING)) {
            return; // the county comes back in a moment: try again at the next sweep
        }
        String reason;
        if (job.isEmpty()) {
            reason = r.slot() == null ? "任务被中断（服务重启或进程退出），没有完成；请到原页面查看结果并按需重新发起"
                    : "任务被中断（服务重启），且本版本已没有这项任务，未重新执行";
        } else if (tenant.isEmpty() || tenant.get().status() != TenantStatus.ACTIVE) {
            reason = "任务被中断（服务重启），该县当前不可用，未重新执行";
        } else if (r.attempts() >= config.maxAttempts()) {
            reason = "任务被中断（服务重启），已重新执行" + (r.attempts() - 1) + "次仍未完成，请联系管理员";
        } else {
            // Take it over only if nobody touched it since we read it (its owner's heartbeat or another replica's sweep).
            int taken = update(r, "UPDATE background_run SET owner = ?, heartbeat_at = ?, attempts = attempts + 1, message = ?"
                    + " WHERE id = ? AND status = 'RUNNING' AND owner = ? AND " + STILL_INTERRUPTED, owner, "上次执行被中断（服务重启），已重新执行");
            if (taken == 1) {
                LOG.warnf("background run %d (%s of %s, slot %s) was interrupted; running it again", r.id(), r.job(), r.county(), r.slot());
                CountyJob j = job.get();
                TenantInfo t = tenant.get();
                try {
                    meters.interrupted(r.job(), true);
                    lane("resume", 1).execute(() -> execute(r.id(), r.job(), JobMeters.Trigger.RESUMED, r.county(), () -> {
                        j.run(t);
                        return "上次执行被中断（服务重启），已重新执行完成";
                    }));
                } catch (RejectedExecutionException e) {
                    LOG.warnf("background run %d: stopping, left for the next start", r.id());
                }
            }
            return;
        }
        if (update(r, "UPDATE background_run SET status = 'FAILED', finished_at = ?, message = ? WHERE id = ? AND status = 'RUNNING'"
                + " AND owner = ? AND " + STILL_INTERRUPTED, null, reason) == 1) {
            meters.interrupted(r.job(), false);
            LOG.warnf("background run %d (%s of %s) was interrupted: marked failed", r.id(), r.job(), r.county());
        }
    }

    /**
     * Updates an interrupted row if it still has the owner we read and is still interrupted (the database decides between
     * sweeping replicas); {@code newOwner} null means the failure form (finished_at, message).
     */
    private int update(Interrupted r, String sql, String newOwner, String message) throws SQLException {
        return control(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (newOwner != null) {
                    st.setString(i++, newOwner);
                    st.setObject(i++, utc(clock.machineNow()));
                } else {
                    st.setObject(i++, utc(clock.machineNow()));
                }
                st.setString(i++, message);
                st.setLong(i++, r.id());
                st.setString(i++, r.owner());
                st.setObject(i++, utc(clock.machineNow().minus(config.staleAfter())));
                st.setString(i++, earlierProcessOfThisNode());
                st.setString(i, owner);
                return st.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- reading

    /** The county's recent runs, newest first. */
    public List<BackgroundRunView> recent(String county, int limit) {
        try {
            return control(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT id, job_id, job_label, trigger_kind, actor, ref, status, slot, started_at,"
                        + " heartbeat_at, finished_at, attempts, message FROM background_run WHERE county_code = ? ORDER BY id DESC LIMIT ?")) {
                    st.setString(1, county);
                    st.setInt(2, Math.min(Math.max(limit, 1), 200));
                    List<BackgroundRunView> out = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String trigger = rs.getString(4);
                            String status = rs.getString(7);
                            out.add(new BackgroundRunView(rs.getLong(1), rs.getString(2), rs.getString(3), trigger,
                                    "SCHEDULED".equals(trigger) ? "定时" : "手动发起", rs.getString(5), rs.getString(6), status,
                                    statusLabel(status), instant(rs, 8), instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getInt(12), rs.getString(13)));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "RUNNING" -> "进行中";
            case "DONE" -> "已完成";
            default -> "未完成";
        };
    }

    /**
     * For the platform's operations view: per county of {@code counties} and per nightly job (every declared
     * {@link CountyJob}, plus any other job with scheduled runs there), the latest scheduled run and the scheduled runs that
     * failed within {@code failureWindow} (counted on the machine's time, like {@code started_at}), with the latest
     * failure's reason. Two grouped queries for all the counties at once; {@code counties} is one page of the registry.
     */
    public List<NightlyJobSummary> nightlySummary(Collection<String> counties, Duration failureWindow) {
        if (counties.isEmpty()) {
            return List.of();
        }
        List<String> codes = List.copyOf(counties);
        String in = String.join(", ", Collections.nCopies(codes.size(), "?"));
        LocalDateTime since = utc(clock.machineNow().minus(failureWindow));
        Map<String, NightlyJobSummary> byKey = new TreeMap<>();
        try {
            control(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT r.county_code, r.job_id, r.job_label, r.status, r.slot, r.started_at,"
                        + " r.finished_at, r.attempts, r.message FROM background_run r JOIN (SELECT county_code, job_id, MAX(slot) slot"
                        + " FROM background_run WHERE trigger_kind = 'SCHEDULED' AND county_code IN (" + in + ") GROUP BY county_code, job_id) m"
                        + " ON r.county_code = m.county_code AND r.job_id = m.job_id AND r.slot = m.slot")) {
                    for (int i = 0; i < codes.size(); i++) {
                        st.setString(i + 1, codes.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String status = rs.getString(4);
                            byKey.put(rs.getString(1) + "|" + rs.getString(2), new NightlyJobSummary(rs.getString(1), rs.getString(2),
                                    rs.getString(3), instant(rs, 5), status, statusLabel(status), instant(rs, 6), instant(rs, 7), rs.getInt(8),
                                    rs.getString(9), 0, null, null));
                        }
                    }
                }
                try (PreparedStatement st = c.prepareStatement("SELECT f.county_code, f.job_id, r.job_label, f.n, r.started_at, r.message FROM"
                        + " (SELECT county_code, job_id, COUNT(*) n, MAX(id) last_id FROM background_run WHERE trigger_kind = 'SCHEDULED'"
                        + " AND status = 'FAILED' AND started_at >= ? AND county_code IN (" + in + ") GROUP BY county_code, job_id) f"
                        + " JOIN background_run r ON r.id = f.last_id")) {
                    st.setObject(1, since);
                    for (int i = 0; i < codes.size(); i++) {
                        st.setString(i + 2, codes.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String key = rs.getString(1) + "|" + rs.getString(2);
                            NightlyJobSummary last = byKey.get(key);
                            // A failure without a latest run cannot happen (the failed run is a scheduled run), but stay total.
                            byKey.put(key, last == null
                                    ? new NightlyJobSummary(rs.getString(1), rs.getString(2), rs.getString(3), null, null, null, null, null, 0,
                                            null, rs.getInt(4), instant(rs, 5), rs.getString(6))
                                    : new NightlyJobSummary(last.county(), last.job(), last.jobLabel(), last.lastSlot(), last.lastStatus(),
                                            last.lastStatusLabel(), last.lastStartedAt(), last.lastFinishedAt(), last.lastAttempts(),
                                            last.lastMessage(), rs.getInt(4), instant(rs, 5), rs.getString(6)));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<NightlyJobSummary> out = new ArrayList<>();
        for (String county : codes) {
            Map<String, NightlyJobSummary> jobs = new TreeMap<>();
            for (CountyJob job : countyJobs) {
                jobs.put(job.id(), new NightlyJobSummary(county, job.id(), job.label(), null, null, "尚未运行", null, null, 0, null, 0, null, null));
            }
            byKey.values().stream().filter(s -> s.county().equals(county)).forEach(s -> jobs.put(s.job(), s));
            out.addAll(jobs.values());
        }
        return out;
    }

    // ---------------------------------------------------------------- rows

    private long insertRun(String jobId, String label, String county, LocalDateTime slot, String trigger, String actor, String ref)
            throws SQLException {
        return control(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO background_run (job_id, job_label, county_code, slot, trigger_kind, actor,"
                    + " ref, status, owner, attempts, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, 1, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                LocalDateTime now = utc(clock.machineNow());
                st.setString(1, jobId);
                st.setString(2, label);
                st.setString(3, county);
                st.setObject(4, slot);
                st.setString(5, trigger);
                st.setString(6, actor);
                st.setString(7, ref);
                st.setString(8, owner);
                st.setObject(9, now);
                st.setObject(10, now);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Records the end of a run this process still owns (a replica that took it over meanwhile has the last word). */
    private void finish(long run, String status, String message) {
        try {
            control(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE background_run SET status = ?, message = COALESCE(?, message),"
                        + " finished_at = ?, heartbeat_at = ? WHERE id = ? AND owner = ? AND status = 'RUNNING'")) {
                    LocalDateTime now = utc(clock.machineNow());
                    st.setString(1, status);
                    st.setString(2, message == null ? null : message.length() > 500 ? message.substring(0, 500) : message);
                    st.setObject(3, now);
                    st.setObject(4, now);
                    st.setLong(5, run);
                    st.setString(6, owner);
                    return st.executeUpdate();
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "background run %d: could not record its end (%s); the sweep will find it", run, status);
        }
    }

    interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Control-plane SQL in a transaction of its own, suspending the caller's: a caller may be in a tenant transaction, and
     * one transaction touches one of the two pools only.
     */
    private <T> T control(Sql<T> work) throws SQLException {
        try {
            // Run again when rolled back as a deadlock: on Galera, two replicas claiming one run on different nodes
            // conflict in certification instead of meeting the unique key; the retry then meets the key.
            return retry.run("BackgroundJobs.control", () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = control.getConnection()) {
                    return work.run(c);
                }
            }));
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw e;
        }
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    void shutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Interrupted work stays RUNNING with this owner: the next start of this replica (or another's sweep) picks it up. */
    @PreDestroy
    void stop() {
        stopping = true;
        lanes.values().forEach(ExecutorService::shutdownNow);
    }
}
