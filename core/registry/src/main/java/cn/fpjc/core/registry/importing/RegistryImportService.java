package cn.fpjc.core.registry.importing;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.registry.RegistryError;

import cn.fpjc.core.platform.files.TableReader;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.registry.PersonalDataCipher;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.RegistryStatistics;
import cn.fpjc.core.registry.importing.ImportJobView.Mode;
import cn.fpjc.core.registry.importing.ImportJobView.Status;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.jobs.JobFailedException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Excel/CSV import of households, members and incomes (issue 3, DOMAIN.md §1). An upload becomes a job:
 * a worker streams the file row by row into {@code import_row}, checking each row, then checks across rows
 * and against the registry in SQL, and, as the user chose, stops for confirmation, writes every valid
 * household, or writes only when no row has an error. The write is one transaction. Jobs survive on any
 * replica: a running job's heartbeat shows it is alive; a stale one was interrupted and is reported so.
 */
@ApplicationScoped
public class RegistryImportService {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(RegistryImportService.class);
    private static final Duration STALE = Duration.ofMinutes(2);

    /** The label of a checked job purged before anyone confirmed it. */
    static final String EXPIRED_LABEL = "校验完成，超过保留期未确认，未导入"; // its message: ImportStaging.EXPIRED_MESSAGE
    private static final int PROGRESS_EVERY = 2000;
    static final String JOB_ID = "registry-import";

    @Inject
    jakarta.enterprise.inject.Instance<cn.fpjc.core.registry.IncomeLocks> incomeLocks;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantConnections connections;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    FormExtensions forms;

    @Inject
    ImportConfig config;

    @Inject
    cn.fpjc.core.platform.files.FileLimits fileLimits;

    @Inject
    ObjectMapper json;

    /** Jobs this replica's workers hold (county:id). */
    private final java.util.Set<String> running = ConcurrentHashMap.newKeySet();

    @Inject
    BackgroundJobs jobs;

    // ---------------------------------------------------------------- request side

    /**
     * Takes an uploaded file (moved out of the request's temporary directory) and queues its job.
     *
     * @param fileName the name the user's file had; decides the format (.xlsx or .csv)
     */
    public ImportJobView start(String fileName, Path uploaded, Mode mode) {
        user.requireAnyRole(RegistryService.WRITERS);
        TenantInfo tenant = access.current();
        if (uploaded == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_MISSING);
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        TableReader reader = TableReader.forFileName(name, fileLimits);
        if (reader == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_TYPE, name);
        }
        if (mode == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "请选择导入方式：" + java.util.Arrays.stream(Mode.values())
                    .map(m -> m.name() + "（" + m.label + "）").reduce((a, b) -> a + "、" + b).orElse(""));
        }
        try {
            Files.createDirectories(config.workDirectory());
            Path file = Files.createTempFile(config.workDirectory(), "import-", name.endsWith(".csv") ? ".csv" : ".xlsx");
            Files.move(uploaded, file, StandardCopyOption.REPLACE_EXISTING);
            String sha256 = sha256(file);
            long id;
            try (Connection c = open(tenant)) {
                ImportStaging.purge(c, clock.now().minus(Duration.ofDays(config.keepDays())));
                if (ImportStaging.makeRoom(c, config.maxStagedRows()) >= config.maxStagedRows()) {
                    throw new ApiException(RegistryError.IMPORT_STAGING_FULL);
                }
                id = insertJob(c, name, name.toLowerCase().endsWith(".csv") ? "csv" : "xlsx", Files.size(file), sha256, mode);
            } catch (SQLException | ApiException e) {
                Files.deleteIfExists(file);
                throw e instanceof ApiException a ? a : new IllegalStateException(e);
            }
            Job job = new Job(tenant, id, file, reader, user.username(), String.join(",", new TreeSet<>(user.roles())),
                    OrgScope.likePrefix(user.orgCode()));
            running.add(key(tenant, id));
            submit(job, () -> validate(job, mode));
            return get(id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ImportJobView get(long id) {
        user.requireAnyRole(RegistryService.WRITERS);
        TenantInfo tenant = access.current();
        try (Connection c = open(tenant)) {
            ImportJobView job = find(c, tenant, id);
            if (job == null) {
                throw new ApiException(PlatformError.NOT_FOUND);
            }
            return job;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The county's jobs the caller may see (those started within the caller's org scope), newest first. */
    public List<ImportJobView> list(int limit) {
        user.requireAnyRole(RegistryService.WRITERS);
        TenantInfo tenant = access.current();
        try (Connection c = open(tenant);
                PreparedStatement st = c.prepareStatement("SELECT id FROM import_job WHERE org_scope LIKE ? ORDER BY id DESC LIMIT ?")) {
            st.setString(1, OrgScope.likePrefix(user.orgCode()));
            st.setInt(2, Math.min(Math.max(limit, 1), 200));
            List<ImportJobView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(find(c, tenant, rs.getLong(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a validated (or rejected) job's households as {@code mode} says; the registry is checked again first. */
    public ImportJobView commit(long id, Mode mode) {
        user.requireAnyRole(RegistryService.WRITERS);
        TenantInfo tenant = access.current();
        if (mode == null || mode == Mode.VALIDATE_ONLY) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "请选择“全部无误才导入”（ALL_OR_NOTHING）或“只导入无误的户”（VALID_ONLY）");
        }
        ImportJobView view = get(id);
        try (Connection c = open(tenant);
                PreparedStatement st = c.prepareStatement("UPDATE import_job SET status = 'WRITING', mode = ?, heartbeat_at = ?, message = NULL"
                        + " WHERE id = ? AND status IN ('VALIDATED', 'REJECTED') AND purged = FALSE")) {
            st.setString(1, mode.name());
            st.setObject(2, beatNow());
            st.setLong(3, id);
            if (st.executeUpdate() != 1) { // read again: another commit, or a purge, may have come first
                ImportJobView now = get(id);
                boolean purged = (Status.VALIDATED.name().equals(now.status()) || Status.REJECTED.name().equals(now.status())) && !now.committable();
                throw new ApiException(RegistryError.IMPORT_STATE_CONFLICT, now.statusLabel()
                        + (purged ? "，暂存的数据已清理（超过保留期，或为新的导入腾出了空间），请重新上传文件" : ""));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Job job = new Job(tenant, id, null, null, user.username(), String.join(",", new TreeSet<>(user.roles())),
                OrgScope.likePrefix(user.orgCode()));
        running.add(key(tenant, id));
        submit(job, () -> writeJob(job, mode));
        return get(id);
    }

    /** Rows of the result, for the job page (problems first is the caller's choice). */
    public List<ImportStaging.ReportRow> rows(long id, int afterRow, int limit, boolean onlyProblems) {
        ImportJobView view = get(id);
        if (!view.running() && !view.reportAvailable()) {
            return List.of(); // purged (its rows may still be being deleted) or failed: no rows to show, as the page says
        }
        try (Connection c = open(access.current())) {
            return new ImportStaging(c, id).report(afterRow, limit, onlyProblems, Status.DONE.name().equals(view.status()),
                    view.comparedWithRegistry());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result report: every row with its outcome and errors beside the cells as given (ID numbers masked). */
    public void report(long id, boolean onlyProblems, OutputStream out) throws IOException {
        ImportJobView view = get(id);
        if (!view.reportAvailable()) {
            throw new ApiException(RegistryError.IMPORT_STATE_CONFLICT, view.statusLabel() + (view.running() ? "" : "，结果明细不可下载"));
        }
        try (Connection c = open(access.current())) {
            String header;
            try (PreparedStatement st = c.prepareStatement("SELECT header_cells FROM import_job WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    header = rs.getString(1);
                }
            }
            ImportReport.write(new ImportStaging(c, id), view, header == null ? List.of() : List.of(header.split("\t", -1)), onlyProblems, out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template for the caller's county: headers incl. the province's extra fields, rules, and the villages in the caller's scope. */
    public void template(OutputStream out) throws IOException {
        user.requireAnyRole(RegistryService.WRITERS);
        TenantInfo t = access.current();
        Map<String, String> villages = new LinkedHashMap<>();
        try (Connection c = open(t);
                PreparedStatement st = c.prepareStatement("SELECT code, name FROM org_unit WHERE level = 'VILLAGE' AND code LIKE ? ORDER BY code")) {
            st.setString(1, OrgScope.likePrefix(user.orgCode()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    villages.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ImportTemplate.write(t.code(), t.name(), villages, forms.fields(t.provinceId(), t.code(), "household"),
                forms.fields(t.provinceId(), t.code(), "member"), out);
    }

    // ---------------------------------------------------------------- worker side

    /** What a worker needs, captured on the request thread (no request context in the worker). */
    record Job(TenantInfo tenant, long id, Path file, TableReader reader, String actor, String actorRoles, String scopeLike) {
    }

    void validate(Job job, Mode mode) {
        boolean ok = false;
        try (Connection c = open(job.tenant())) {
            try (ImportStaging staging = new ImportStaging(c, job.id(), cipher, config.bulkLoad(), () -> open(job.tenant()))) {
                status(c, job.id(), Status.READING, null);
                deletePurgedRows(c, job.id());
                long started = System.nanoTime();
                ImportRowParser parser = new ImportRowParser(context(c, job));
                long[] room = { config.maxStagedRows() - ImportStaging.staged(c, job.id()) };
                int[] rows = { 0 };
                boolean[] header = { false };
                List<String> ignored = new ArrayList<>();
                job.reader().read(job.file(), (rowNo, cells) -> {
                    if (!header[0]) {
                        List<String> problems = parser.header(cells);
                        if (!problems.isEmpty()) {
                            throw new TableReader.Unreadable(String.join("；", problems));
                        }
                        ignored.addAll(parser.ignoredHeaders());
                        header[0] = true;
                        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET header_cells = ? WHERE id = ?")) {
                            st.setString(1, String.join("\t", cells.stream().map(x -> x.text().replace('\t', ' ')).toList()));
                            st.setLong(2, job.id());
                            st.executeUpdate();
                        }
                        return;
                    }
                    while (rows[0] >= room[0]) { // written or failed jobs' rows go first, oldest first, as at upload
                        long freed = ImportStaging.purgeOldestFinished(c, false);
                        if (freed >= 0) {
                            room[0] += freed;
                            deletePurgedRows(c, job.id());
                            continue;
                        }
                        throw new TableReader.Unreadable("文件的数据行超过本县导入暂存的上限（" + config.maxStagedRows()
                                + "行，含待确认的导入任务），读到第" + rowNo + "行停止，没有导入任何数据；请先确认待确认的导入任务，或分批上传");
                    }
                    staging.add(parser.parse(rowNo, cells));
                    if (++rows[0] % PROGRESS_EVERY == 0) {
                        progress(c, job.id(), rows[0], job.reader().percentRead());
                    }
                });
                if (!header[0]) {
                    throw new TableReader.Unreadable("文件是空的");
                }
                if (rows[0] == 0) {
                    throw new TableReader.Unreadable("文件只有表头，没有数据行");
                }
                staging.complete();
                long read = System.nanoTime();
                progress(c, job.id(), rows[0], 100);
                status(c, job.id(), Status.CHECKING, null);
                staging.checkFile();
                long fileChecked = System.nanoTime();
                // The write compares with the registry again inside its transaction (it may have changed since), so when the
                // user already chose how to write, that comparison is the only one: straight on to WRITING, no VALIDATED pause.
                if (mode == Mode.VALIDATE_ONLY) {
                    staging.checkRegistry(job.scopeLike(), incomeLocks.stream().toList());
                }
                LOG.infof("import job %d of %s: %d rows read and staged (%s) in %d ms, checked across rows in %d ms%s",
                        job.id(), job.tenant().code(), rows[0], staging.bulkLoad() ? "LOAD DATA LOCAL" : "INSERT",
                        (read - started) / 1_000_000, (fileChecked - read) / 1_000_000,
                        mode == Mode.VALIDATE_ONLY ? " and against the registry in " + (System.nanoTime() - fileChecked) / 1_000_000 + " ms" : "");
                String note = ignored.isEmpty() ? null : "以下列不是模板中的列，已忽略：" + String.join("、", ignored);
                validated(c, job.id(), mode == Mode.VALIDATE_ONLY ? staging.summary() : null, note,
                        mode == Mode.VALIDATE_ONLY ? Status.VALIDATED : Status.WRITING);
                ok = true;
            } catch (TableReader.Unreadable e) {
                ok = false;
                failed(c, job.id(), e.getMessage());
            } catch (Exception e) {
                ok = false; // also when closing the staging (its loader connection) failed after the checks
                LOG.errorf(e, "import job %d of %s failed while checking", job.id(), job.tenant().code());
                failed(c, job.id(), "校验时发生系统错误（" + e.getClass().getSimpleName() + "），请稍后重新上传；如仍失败请联系管理员");
            } catch (VirtualMachineError e) {
                ok = false;
                // The file's rows are garbage once the reader is gone; record why, or the job would sit in READING until
                // a later look called it a restart.
                LOG.errorf(e, "import job %d of %s: out of resources while reading", job.id(), job.tenant().code());
                failed(c, job.id(), BackgroundJobs.RESOURCES_EXHAUSTED + "（" + e.getClass().getSimpleName()
                        + "），没有导入任何数据；请检查文件内容，或分批上传");
            }
        } catch (SQLException e) {
            LOG.errorf(e, "import job %d of %s: database unavailable", job.id(), job.tenant().code());
        } finally {
            deleteQuietly(job.file());
            if (!ok || mode == Mode.VALIDATE_ONLY) {
                running.remove(key(job.tenant(), job.id()));
            }
        }
        if (ok && mode != Mode.VALIDATE_ONLY) {
            writeJob(job, mode);
        }
    }

    /** The write: one transaction over the registry check, the inserts, the audit entry and the job's new status. */
    void writeJob(Job job, Mode mode) {
        Throwable failure = null;
        try (Connection c = open(job.tenant())) {
            c.setAutoCommit(false);
            try {
                long started = System.nanoTime();
                ImportStaging staging = new ImportStaging(c, job.id());
                staging.checkRegistry(job.scopeLike(), incomeLocks.stream().toList());
                ImportStaging.Summary summary = staging.summary();
                long checked = System.nanoTime();
                if (mode == Mode.ALL_OR_NOTHING && (summary.rowsWithErrors() > 0 || summary.householdsInvalid() > 0)) {
                    counts(c, job.id(), summary);
                    finish(c, job.id(), Status.REJECTED, summary.rowsWithErrors() + "行有错误，按“全部无误才导入”的选择，没有写入任何数据。"
                            + "请下载结果报告修改后重新上传，或改选“只导入无误的户”", null);
                } else {
                    Instant now = clock.now();
                    ImportStaging.Written written = staging.write(job.actor(), now);
                    counts(c, job.id(), summary);
                    audit(c, job, mode, summary, written, now);
                    finish(c, job.id(), Status.DONE, null, written);
                }
                long written = System.nanoTime();
                c.commit();
                c.setAutoCommit(true);
                LOG.infof("import job %d of %s: %s; checked against the registry in %d ms, written in %d ms, committed in %d ms", job.id(),
                        job.tenant().code(), summary, (checked - started) / 1_000_000, (written - checked) / 1_000_000,
                        (System.nanoTime() - written) / 1_000_000);
                if (summary.householdsNew() >= RegistryStatistics.BULK) {
                    RegistryStatistics.refresh(c);
                }
            } catch (SQLException | IOException | RuntimeException | VirtualMachineError e) {
                failure = e;
                rollbackQuietly(c);
                if (!c.isValid(2)) {
                    // The server side is gone (killed, restarted): keep the dead connection out of the pool.
                    c.abort(Runnable::run);
                } else {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            failure = failure == null ? e : failure;
        }
        try {
            if (failure != null) {
                // Nothing was committed: the whole write was one transaction. Record that on a fresh connection.
                LOG.errorf(failure, "import job %d of %s failed while writing; rolled back", job.id(), job.tenant().code());
                try (Connection c = open(job.tenant())) {
                    status(c, job.id(), Status.VALIDATED, "写入失败，已全部撤销，没有写入任何数据（" + failure.getClass().getSimpleName()
                            + "）。可以再次确认导入；系统会重新比对");
                } catch (SQLException e) {
                    LOG.errorf(e, "import job %d of %s: could not record the failed write", job.id(), job.tenant().code());
                }
            }
        } finally {
            running.remove(key(job.tenant(), job.id()));
        }
    }

    ImportRowParser.Context context(Connection c, Job job) throws SQLException {
        Map<String, String> villages = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT code, name FROM org_unit WHERE level = 'VILLAGE' ORDER BY code");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                villages.put(rs.getString(1), rs.getString(2));
            }
        }
        String scope = job.scopeLike().replace("%", "");
        String orgScope = OrgScope.isVillage(scope) ? scope : scope.length() == 9 ? scope + "000" : scope;
        TenantInfo t = job.tenant();
        return new ImportRowParser.Context(t.code(), t.provinceId(), orgScope, villages, forms.fields(t.provinceId(), t.code(), "household"),
                forms.fields(t.provinceId(), t.code(), "member"), forms, clock.today());
    }

    private void audit(Connection c, Job job, Mode mode, ImportStaging.Summary summary, ImportStaging.Written written, Instant now)
            throws SQLException, IOException {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mode", mode.name());
        after.put("rows", summary.rows());
        after.put("rowsWithErrors", summary.rowsWithErrors());
        after.put("householdsWritten", written.households());
        after.put("membersWritten", written.members());
        after.put("incomesWritten", written.incomes());
        after.put("householdsUnchanged", summary.householdsUnchanged());
        try (PreparedStatement st = c.prepareStatement("SELECT file_name, file_sha256 FROM import_job WHERE id = ?")) {
            st.setLong(1, job.id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                after.put("file", rs.getString(1));
                after.put("sha256", rs.getString(2));
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor, actor_roles, action, entity_type, entity_id,"
                + " after_json) VALUES (?, ?, ?, 'IMPORT', 'import_job', ?, ?)")) {
            st.setObject(1, ImportStaging.utc(now));
            st.setString(2, job.actor());
            st.setString(3, job.actorRoles());
            st.setString(4, String.valueOf(job.id()));
            st.setString(5, json.writeValueAsString(after));
            st.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- job rows

    /** Heartbeats are in the machine's time: a job must not look stale (or alive) because a test moved the date. */
    private LocalDateTime beatNow() {
        return ImportStaging.utc(clock.machineNow());
    }

    private long insertJob(Connection c, String name, String format, long size, String sha256, Mode mode) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO import_job (file_name, format, file_size, file_sha256, mode, status,"
                + " created_by, org_scope, created_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, name.length() > 255 ? name.substring(name.length() - 255) : name);
            st.setString(2, format);
            st.setLong(3, size);
            st.setString(4, sha256);
            st.setString(5, mode.name());
            st.setString(6, user.username());
            st.setString(7, user.orgCode());
            st.setObject(8, clock.nowUtc());
            st.setObject(9, beatNow());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private ImportJobView find(Connection c, TenantInfo tenant, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, file_name, format, file_size, file_sha256, mode, status, rows_read,"
                + " rows_error, progress_percent, households_total, households_new, households_unchanged, households_invalid, incomes_added,"
                + " households_written, members_written, message, created_by, created_at, validated_at, finished_at, heartbeat_at, purged,"
                + " org_scope FROM import_job WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !OrgScope.covers(user.orgCode(), rs.getString(25))) {
                    return null;
                }
                Status status = Status.valueOf(rs.getString(7));
                Instant beat = instant(rs, 23);
                if (status.running && interrupted(tenant, id, beat)) {
                    recover(c, id, status);
                    return find(c, tenant, id);
                }
                Mode mode = Mode.valueOf(rs.getString(6));
                boolean purged = rs.getBoolean(24);
                // a checked job purged unconfirmed (past keep-days) is no longer waiting for anyone
                String label = purged && status == Status.VALIDATED ? EXPIRED_LABEL : status.label;
                return new ImportJobView(id, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), mode.name(), mode.label,
                        status.name(), label, status.running, !purged && (status == Status.VALIDATED || status == Status.REJECTED),
                        rs.getInt(8), rs.getInt(9), (Integer) rs.getObject(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                        rs.getInt(15), rs.getInt(16), rs.getInt(17), rs.getString(18), rs.getString(19), instant(rs, 20), instant(rs, 21),
                        instant(rs, 22), !purged && rs.getInt(8) > 0 && !status.running && status != Status.FAILED);
            }
        }
    }

    /**
     * Recovers the county's jobs interrupted with their process (running, not here, heartbeat stale), as viewing each
     * would: for the nightly {@link ImportStagingPurgeJob}, so a job nobody looks at again does not keep its rows.
     *
     * @return the jobs recovered
     */
    int recoverInterrupted(Connection c, TenantInfo tenant) throws SQLException {
        List<Object[]> stale = new ArrayList<>();
        String runningStatuses = java.util.Arrays.stream(Status.values()).filter(x -> x.running).map(x -> "'" + x.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        try (PreparedStatement st = c.prepareStatement("SELECT id, status, heartbeat_at FROM import_job WHERE status IN " + runningStatuses);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Instant beat = instant(rs, 3);
                if (interrupted(tenant, id, beat)) {
                    stale.add(new Object[] { id, Status.valueOf(rs.getString(2)) });
                }
            }
        }
        int recovered = 0;
        for (Object[] job : stale) {
            recovered += recover(c, (Long) job[0], (Status) job[1]) ? 1 : 0;
        }
        return recovered;
    }

    /** A running job's worker is gone: not running here, and no heartbeat from another replica for {@link #STALE}. */
    private boolean interrupted(TenantInfo tenant, long id, Instant beat) {
        return !running.contains(key(tenant, id)) && (beat == null || beat.isBefore(clock.machineNow().minus(STALE)));
    }

    /**
     * A job whose worker died with its process: a write was one transaction, so it rolled back; staging is usable again.
     * The job is first claimed by one conditional update (still in that status, heartbeat still stale, then beaten), so of
     * two callers that found it stale (a page view, the nightly purge, on any replica) only one recovers it, and a job
     * taken up again meanwhile (a commit after an earlier recovery) is left alone.
     *
     * @return whether this call recovered it
     */
    private boolean recover(Connection c, long id, Status status) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement("UPDATE import_job SET heartbeat_at = ? WHERE id = ? AND status = ?"
                + " AND (heartbeat_at IS NULL OR heartbeat_at < ?)")) {
            claim.setObject(1, beatNow());
            claim.setLong(2, id);
            claim.setString(3, status.name());
            claim.setObject(4, ImportStaging.utc(clock.machineNow().minus(STALE)));
            if (claim.executeUpdate() != 1) {
                return false;
            }
        }
        if (status == Status.WRITING) {
            status(c, id, Status.VALIDATED, "写入过程被中断（服务重启），数据库已自动撤销，没有写入任何数据。可以再次确认导入");
        } else {
            failed(c, id, "导入被中断（服务重启），请重新上传文件");
        }
        LOG.warnf("import job %d was interrupted (%s); recovered", id, status);
        return true;
    }

    private void status(Connection c, long id, Status status, String message) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET status = ?, message = ?, heartbeat_at = ? WHERE id = ?")) {
            st.setString(1, status.name());
            st.setString(2, message);
            st.setObject(3, beatNow());
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    private void progress(Connection c, long id, int rows, Integer percent) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET rows_read = ?, progress_percent = ?, heartbeat_at = ? WHERE id = ?")) {
            st.setInt(1, rows);
            st.setObject(2, percent);
            st.setObject(3, beatNow());
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    /** Marks the checks done; the counts are recorded when known ({@code s} is null when the write will count). */
    private void validated(Connection c, long id, ImportStaging.Summary s, String message, Status next) throws SQLException {
        if (s != null) {
            counts(c, id, s);
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET status = ?, message = ?, validated_at = ? WHERE id = ?")) {
            st.setString(1, next.name());
            st.setString(2, message);
            st.setObject(3, clock.nowUtc());
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    private static void counts(Connection c, long id, ImportStaging.Summary s) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET rows_read = ?, rows_error = ?, households_total = ?,"
                + " households_new = ?, households_unchanged = ?, households_invalid = ?, incomes_added = ? WHERE id = ?")) {
            st.setInt(1, s.rows());
            st.setInt(2, s.rowsWithErrors());
            st.setInt(3, s.households());
            st.setInt(4, s.householdsNew());
            st.setInt(5, s.householdsUnchanged());
            st.setInt(6, s.householdsInvalid());
            st.setInt(7, s.incomesToAdd());
            st.setLong(8, id);
            st.executeUpdate();
        }
    }

    private void finish(Connection c, long id, Status status, String message, ImportStaging.Written written) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET status = ?, message = COALESCE(?, message), finished_at = ?, households_written = ?,"
                + " members_written = ? WHERE id = ?")) {
            st.setString(1, status.name());
            st.setString(2, message);
            st.setObject(3, clock.nowUtc());
            st.setInt(4, written == null ? 0 : written.households());
            st.setInt(5, written == null ? 0 : written.members());
            st.setLong(6, id);
            st.executeUpdate();
        }
    }

    /**
     * Deletes the rows of jobs purged by an upload, by the 30-day limit or by this file making room (see
     * {@link ImportStaging#deletePurgedRows}); a failure only leaves them for the next import, it does not fail this one.
     */
    private static void deletePurgedRows(Connection c, long job) {
        long started = System.nanoTime();
        try {
            long rows = ImportStaging.deletePurgedRows(c);
            if (rows > 0) {
                LOG.infof("import job %d: deleted %d staged rows of purged jobs in %d ms", job, rows, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            LOG.warnf("import job %d: staged rows of purged jobs left for the next import: %s", job, e.getMessage());
        }
    }

    private void failed(Connection c, long id, String message) {
        try {
            for (String table : new String[] { "import_row", "import_household" }) {
                ImportStaging.deleteRows(c, table, id); // in chunks: a failed file may have staged up to the whole allowance
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET status = 'FAILED', message = ?, finished_at = ?, rows_read = 0,"
                    + " progress_percent = NULL WHERE id = ?")) {
                st.setString(1, message);
                st.setObject(2, clock.nowUtc());
                st.setLong(3, id);
                st.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.errorf(e, "import job %d: could not record the failure", id);
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** A connection on the tenant's database; closing returns it to the pool (the next checkout sets its catalog again). */
    private Connection open(TenantInfo tenant) throws SQLException {
        return connections.open(tenant);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String key(TenantInfo tenant, long id) {
        return tenant.code() + ":" + id;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("could not delete import file %s", file);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed", e);
        }
    }

    /**
     * Runs a job's work on the background mechanism ({@code fpjc.import.threads} at a time in this process), recorded as a
     * run of the county with the job's outcome.
     */
    private void submit(Job job, Runnable work) {
        jobs.submit(JOB_ID, "户籍导入", job.tenant(), job.actor(), "import_job " + job.id(), config.threads(), () -> {
            work.run();
            return outcome(job);
        });
    }

    private String outcome(Job job) throws SQLException, JobFailedException {
        try (Connection c = open(job.tenant());
                PreparedStatement st = c.prepareStatement("SELECT status, message FROM import_job WHERE id = ?")) {
            st.setLong(1, job.id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Status status = Status.valueOf(rs.getString(1));
                String message = rs.getString(2);
                if (status == Status.FAILED) {
                    throw new JobFailedException("导入任务" + job.id() + "：" + message);
                }
                return "导入任务" + job.id() + "：" + status.label + (message == null ? "" : "。" + message);
            }
        }
    }

    /** Marks this replica's running jobs alive, so another replica does not take them for interrupted. */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        for (String k : running) {
            String[] parts = k.split(":");
            tenants.find(parts[0]).ifPresent(t -> {
                try (Connection c = connections.open(t);
                        PreparedStatement st = c.prepareStatement("UPDATE import_job SET heartbeat_at = ? WHERE id = ?")) {
                    st.setObject(1, beatNow());
                    st.setLong(2, Long.parseLong(parts[1]));
                    st.executeUpdate();
                } catch (SQLException e) {
                    LOG.warnf("import heartbeat for %s failed: %s", k, e.getMessage());
                }
            });
        }
    }
}
