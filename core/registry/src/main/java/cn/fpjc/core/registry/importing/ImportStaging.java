package cn.fpjc.core.registry.importing;

import cn.fpjc.core.platform.bulkload.LocalInfile;
import cn.fpjc.core.registry.IncomeLocks;
import cn.fpjc.core.registry.PersonalDataCipher;
import cn.fpjc.core.registry.RegistryService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The staged rows of one import job in the tenant database, and the set-based SQL that checks them across
 * rows and against the registry, then writes the valid households. Everything runs on one plain JDBC
 * connection; {@link #write} must run inside one transaction so a failure or a killed process leaves no
 * household half-written.
 */
final class ImportStaging implements AutoCloseable {
    /** Rows per multi-row INSERT, where the server refuses {@code LOAD DATA LOCAL}. */
    static final int BATCH = 500;
    /** Rows per {@code LOAD DATA LOCAL} statement (a few MB of text held at once). */
    static final int CHUNK = 10_000;
    private static final String[] ROW_COLUMNS = { "job_id", "row_no", "household_no", "village_code", "address", "category", "relocated",
            "no_labour_capacity", "household_extra_json", "name", "id_cipher", "id_hash", "id_masked", "birth_date", "sex", "relation",
            "labour", "health", "disability_grade", "disability_type", "illness", "schooling", "employment_place", "employment_months",
            "medical_insured", "pension_insured", "member_extra_json", "income_year", "wage", "production_net", "property", "transfer",
            "expenses", "period_from", "period_to", "cells", "error" };
    /** The binary columns travel as hex through user variables: the text stream stays valid UTF-8. */
    private static final String LOAD_SQL = "LOAD DATA LOCAL INFILE 'import-rows' INTO TABLE import_row CHARACTER SET utf8mb4"
            + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
            + String.join(", ", java.util.Arrays.stream(ROW_COLUMNS).map(c -> c.equals("id_cipher") || c.equals("id_hash") ? "@" + c : c).toList())
            + ") SET id_cipher = UNHEX(@id_cipher), id_hash = UNHEX(@id_hash)";

    /** Counts after checking, as the job page shows them. */
    record Summary(int rows, int rowsWithErrors, int households, int householdsNew, int householdsUnchanged, int householdsInvalid,
            int incomesToAdd) {
    }

    record Written(int households, int members, int incomes) {
    }

    private final Connection c;
    private final long job;
    private final PersonalDataCipher cipher;
    private final boolean bulkLoad;
    private final List<StagedRow> pending = new ArrayList<>(CHUNK);
    private PreparedStatement fullBatch;
    /** Where LOAD DATA runs, on a connection of its own, while the reader parses the next chunk (one chunk in flight). */
    private final ConnectionSource loaderConnections;
    private cn.fpjc.core.platform.jobs.SideThread loader;
    private Connection loaderConnection;
    private java.util.concurrent.Future<?> inFlight;
    /** Rows staged with errors of their own (counted while staging; -1: not staged through this object, so unknown). */
    private long rowsWithOwnErrors;

    /** Opens a connection to the job's county database. */
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** For checking, writing and reporting a job whose rows are staged. */
    ImportStaging(Connection connection, long jobId) {
        this.c = connection;
        this.job = jobId;
        this.cipher = null;
        this.bulkLoad = false;
        this.loaderConnections = null;
        this.rowsWithOwnErrors = -1;
    }

    /**
     * For staging a job's rows: ID numbers are encrypted and hashed here, a chunk at a time on all cores, and the rows go in
     * by {@code LOAD DATA LOCAL} from the app's own stream ({@link LocalInfile}) on a second connection while the next chunk
     * is parsed, or by multi-row INSERTs on {@code connection} where the server has {@code local_infile} off or the operator
     * turned it off ({@code fpjc.import.bulk-load}).
     */
    ImportStaging(Connection connection, long jobId, PersonalDataCipher cipher, boolean bulkLoadAllowed, ConnectionSource loaderConnections)
            throws SQLException {
        this.c = connection;
        this.job = jobId;
        this.cipher = cipher;
        this.bulkLoad = bulkLoadAllowed && LocalInfile.serverAccepts(connection);
        this.loaderConnections = loaderConnections;
    }

    /** Whether the rows go in by {@code LOAD DATA LOCAL}. */
    boolean bulkLoad() {
        return bulkLoad;
    }

    // ---------------------------------------------------------------- staging

    void add(StagedRow row) throws SQLException {
        if (!row.errors.isEmpty() && rowsWithOwnErrors >= 0) {
            rowsWithOwnErrors++;
        }
        pending.add(row);
        if (pending.size() >= (bulkLoad ? CHUNK : BATCH)) {
            flush();
        }
    }

    /** Stages the buffered rows; with LOAD DATA, hands them to the loader and returns once the previous chunk is in. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        if (bulkLoad) {
            // Encrypting the ID numbers is the costliest part of a row: all cores, while the loader writes the last chunk.
            byte[][] lines = pending.parallelStream().map(r -> tsv(values(encrypted(r)))).toArray(byte[][]::new);
            int size = 0;
            for (byte[] line : lines) {
                size += line.length;
            }
            byte[] data = new byte[size];
            int at = 0;
            for (byte[] line : lines) {
                System.arraycopy(line, 0, data, at, line.length);
                at += line.length;
            }
            awaitLoaded();
            if (loader == null) {
                loaderConnection = loaderConnections.open();
                loader = new cn.fpjc.core.platform.jobs.SideThread("import-load-" + job);
            }
            int rows = lines.length;
            inFlight = loader.submit(() -> LocalInfile.load(loaderConnection, LOAD_SQL, new java.io.ByteArrayInputStream(data), rows));
        } else {
            pending.parallelStream().forEach(this::encrypted);
            if (pending.size() == BATCH) {
                if (fullBatch == null) {
                    fullBatch = c.prepareStatement(insertSql(BATCH));
                }
                bindAndInsert(fullBatch);
            } else {
                try (PreparedStatement st = c.prepareStatement(insertSql(pending.size()))) {
                    bindAndInsert(st);
                }
            }
        }
        pending.clear();
    }

    /** Stages what is buffered and waits until every row is in the table. */
    void complete() throws SQLException {
        flush();
        awaitLoaded();
    }

    private void awaitLoaded() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while staging", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException("staging failed", e.getCause());
        } finally {
            inFlight = null;
        }
    }

    private StagedRow encrypted(StagedRow r) {
        if (r.id != null && r.idCipher == null) {
            r.idCipher = cipher.encrypt(r.id);
            r.idHash = cipher.lookupHash(r.id);
        }
        return r;
    }

    /**
     * Releases the prepared full-batch statement (the connection goes on to other work) and the loader, after its last
     * chunk has finished or failed: whoever cleans up a failed job afterwards sees every row that arrived.
     */
    @Override
    public void close() throws SQLException {
        if (fullBatch != null) {
            fullBatch.close();
            fullBatch = null;
        }
        if (loader != null) {
            try {
                loader.close();
            } finally {
                loader = null;
                inFlight = null;
                loaderConnection.close();
            }
        }
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO import_row (").append(String.join(", ", ROW_COLUMNS)).append(") VALUES ");
        String tuple = "(" + "?, ".repeat(ROW_COLUMNS.length - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }

    /** A row's values in {@link #ROW_COLUMNS} order. */
    private Object[] values(StagedRow r) {
        return new Object[] { job, r.rowNo, r.householdNo, r.villageCode, r.address, r.category, r.relocated, r.noLabourCapacity,
                r.householdExtraJson, r.name, r.idCipher, r.idHash, r.idMasked, r.birthDate, r.sex, r.relation, r.labour, r.health,
                r.disabilityGrade, r.disabilityType, r.illness, r.schooling, r.employmentPlace, r.employmentMonths, r.medicalInsured,
                r.pensionInsured, r.memberExtraJson, r.incomeYear, r.wage, r.productionNet, r.property, r.transfer, r.expenses,
                r.periodFrom, r.periodTo, r.cells, r.error() };
    }

    private void bindAndInsert(PreparedStatement st) throws SQLException {
        int p = 1;
        for (StagedRow r : pending) {
            p = set(st, p, values(r));
        }
        st.executeUpdate();
    }

    /**
     * One line of the LOAD stream: tab-separated, {@code \N} for NULL, MySQL's backslash escapes, binary as hex, in UTF-8.
     * Written byte by byte into one array: through a StringBuilder, its growth, its UTF-16 copy and the encoding took about a
     * quarter of the reader's time while staging (JFR, import of 300,590 rows, 2 Dec).
     */
    static byte[] tsv(Object[] values) {
        Line line = new Line();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.put('\t');
            }
            Object v = values[i];
            if (v == null) {
                line.put('\\').put('N');
            } else if (v instanceof byte[] b) {
                line.hex(b);
            } else if (v instanceof Boolean b) {
                line.put(b ? '1' : '0');
            } else if (v instanceof BigDecimal d) {
                line.text(d.toPlainString());
            } else {
                line.text(v.toString());
            }
        }
        return line.put('\n').bytes();
    }

    /** A growing byte array for {@link #tsv}. */
    private static final class Line {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private byte[] buf = new byte[1024];
        private int size;

        Line put(char ascii) {
            room(1);
            buf[size++] = (byte) ascii;
            return this;
        }

        void hex(byte[] b) {
            room(2 * b.length);
            for (byte x : b) {
                buf[size++] = HEX[(x >> 4) & 0xF];
                buf[size++] = HEX[x & 0xF];
            }
        }

        /** The text escaped for LOAD DATA and encoded as UTF-8 (a lone surrogate becomes '?', as String.getBytes does). */
        void text(String text) {
            int n = text.length();
            room(3 * n); // at most 3 bytes per char: a pair of surrogates (2 chars) takes 4, an escape 2
            for (int k = 0; k < n; k++) {
                char ch = text.charAt(k);
                if (ch < 0x80) {
                    switch (ch) {
                        case '\\' -> { buf[size++] = '\\'; buf[size++] = '\\'; }
                        case '\t' -> { buf[size++] = '\\'; buf[size++] = 't'; }
                        case '\n' -> { buf[size++] = '\\'; buf[size++] = 'n'; }
                        case '\r' -> { buf[size++] = '\\'; buf[size++] = 'r'; }
                        case '\0' -> { buf[size++] = '\\'; buf[size++] = '0'; }
                        default -> buf[size++] = (byte) ch;
                    }
                } else if (ch < 0x800) {
                    buf[size++] = (byte) (0xC0 | (ch >> 6));
                    buf[size++] = (byte) (0x80 | (ch & 0x3F));
                } else if (Character.isHighSurrogate(ch) && k + 1 < n && Character.isLowSurrogate(text.charAt(k + 1))) {
                    int cp = Character.toCodePoint(ch, text.charAt(++k));
                    buf[size++] = (byte) (0xF0 | (cp >> 18));
                    buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[size++] = (byte) (0x80 | (cp & 0x3F));
                } else if (Character.isSurrogate(ch)) {
                    buf[size++] = '?';
                } else {
                    buf[size++] = (byte) (0xE0 | (ch >> 12));
                    buf[size++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    buf[size++] = (byte) (0x80 | (ch & 0x3F));
                }
            }
        }

        private void room(int more) {
            if (size + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }

    private static int set(PreparedStatement st, int p, Object... values) throws SQLException {
        for (Object v : values) {
            if (v == null) {
                st.setNull(p++, Types.NULL);
            } else if (v instanceof java.time.LocalDate d) {
                // ISO text: the driver's java.sql.Date path formats through a SimpleDateFormat per value.
                st.setString(p++, d.toString());
            } else if (v instanceof byte[] b) {
                st.setBytes(p++, b);
            } else if (v instanceof BigDecimal d) {
                st.setBigDecimal(p++, d);
            } else {
                st.setObject(p++, v);
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Checks across rows: the same person twice in the file, one head per household, household columns of
     * other rows agreeing with the head's row. Run once, after the last row is staged.
     */
    void checkFile() throws SQLException {
        int marked = update("UPDATE import_row r JOIN (SELECT id_hash, MIN(row_no) AS first_row FROM import_row WHERE job_id = ? AND id_hash IS NOT NULL"
                + " GROUP BY id_hash HAVING COUNT(*) > 1) d ON r.id_hash = d.id_hash"
                + " SET r.error = CONCAT_WS('；', r.error, CONCAT('「身份证号」与第', d.first_row, '行是同一个人'))"
                + " WHERE r.job_id = ? AND r.row_no <> d.first_row", job, job);
        // A household is NEW until a check finds otherwise (INVALID here, CONFLICT or UNCHANGED against the registry): written
        // with the row, the outcome then changes for the few a check flags, not for all (a second pass over 100,000 staged
        // households cost ~1.8 s).
        update("INSERT INTO import_household (job_id, household_no, row_count, head_count, head_row, file_ok, outcome)"
                + " SELECT job_id, household_no, COUNT(*), COALESCE(SUM(relation = 'HEAD'), 0), MIN(CASE WHEN relation = 'HEAD' THEN row_no END), TRUE, 'NEW'"
                + " FROM import_row WHERE job_id = ? AND household_no IS NOT NULL GROUP BY job_id, household_no", job);
        update("UPDATE import_household SET file_ok = FALSE, outcome = 'INVALID', error = CONCAT('本户户主人数为', head_count, '，应为1（与户主关系填“户主”）')"
                + " WHERE job_id = ? AND head_count <> 1", job);
        marked += update("UPDATE import_row r JOIN import_household ih ON ih.job_id = r.job_id AND ih.household_no = r.household_no"
                + " JOIN import_row h ON h.job_id = r.job_id AND h.row_no = ih.head_row"
                + " SET r.error = CONCAT_WS('；', r.error, '所在村、家庭住址、户类型、易地搬迁户、整户无劳动能力等户信息与户主行不一致（可留空）')"
                + " WHERE r.job_id = ? AND ih.head_count = 1 AND r.row_no <> ih.head_row AND ("
                + " (r.village_code IS NOT NULL AND NOT r.village_code <=> h.village_code)"
                + " OR (r.address IS NOT NULL AND NOT r.address <=> h.address)"
                + " OR (r.category IS NOT NULL AND NOT r.category <=> h.category)"
                + " OR (r.relocated IS NOT NULL AND NOT r.relocated <=> h.relocated)"
                + " OR (r.no_labour_capacity IS NOT NULL AND NOT r.no_labour_capacity <=> h.no_labour_capacity)"
                + " OR (r.household_extra_json IS NOT NULL AND NOT r.household_extra_json <=> h.household_extra_json))", job);
        if (rowsWithOwnErrors == 0 && marked == 0) {
            return; // no row has an error: no household to mark (the scan below costs ~0.5 s per 300,000 rows)
        }
        // Joins on derived tables rather than correlated EXISTS: MariaDB would probe a correlated subquery through
        // the primary key's job_id prefix only, scanning the whole job for every household.
        update("UPDATE import_household ih JOIN (SELECT DISTINCT household_no FROM import_row WHERE job_id = ? AND error IS NOT NULL) e"
                + " ON e.household_no = ih.household_no SET ih.file_ok = FALSE, ih.outcome = 'INVALID' WHERE ih.job_id = ?", job, job);
    }

    /**
     * Checks against the registry as it is now: re-run right before writing, inside the write transaction,
     * because the registry may have changed since the file was checked. A household already registered
     * with exactly the file's data is UNCHANGED (so importing the same file twice changes nothing); one
     * that differs is a CONFLICT (to be corrected in the system, not overwritten by a file).
     */
    void checkRegistry(String scopeLike, List<IncomeLocks> incomeLocks) throws SQLException {
        // Only a comparison that found people registered elsewhere leaves row errors: look before clearing, since the UPDATE
        // reads every row of the job with a lock (0.43 s per 300,000 rows, against 0.07 s for the look when there are none).
        if (exists("SELECT 1 FROM import_row WHERE job_id = ? AND registry_error IS NOT NULL LIMIT 1")) {
            update("UPDATE import_row SET registry_error = NULL WHERE job_id = ? AND registry_error IS NOT NULL", job);
        }
        update("UPDATE import_household SET outcome = CASE WHEN file_ok THEN 'NEW' ELSE 'INVALID' END, registry_error = NULL,"
                + " existing_id = NULL, income_action = NULL WHERE job_id = ?", job);
        update("UPDATE import_household ih JOIN household h ON h.household_no = ih.household_no SET ih.existing_id = h.id"
                + " WHERE ih.job_id = ? AND ih.outcome = 'NEW'", job);
        conflict("h.active = FALSE", "该户编号的农户已注销（如已并户），不能再导入", scopeLike);
        conflict("h.village_code NOT LIKE ?", "户编号已被本县您管辖范围以外的农户使用", scopeLike);
        conflict("(NOT h.village_code <=> r.village_code OR NOT h.address <=> r.address OR NOT h.category <=> r.category"
                + " OR NOT h.relocated <=> r.relocated OR NOT h.no_labour_capacity <=> r.no_labour_capacity"
                + " OR NOT h.extra_json <=> r.household_extra_json)",
                "户编号已登记，但所在村、住址、户类型等户信息与系统不一致；修改请在系统中进行", scopeLike);
        conflict("ih.row_count <> (SELECT COUNT(*) FROM member m WHERE m.household_id = h.id AND m.active = TRUE)",
                "户编号已登记，但在册人数与文件不一致；成员变动请在系统中办理", scopeLike);
        update("UPDATE import_household ih JOIN (SELECT DISTINCT x.household_no FROM import_row x"
                + " JOIN household h ON h.household_no = x.household_no LEFT JOIN member m ON m.household_id = h.id AND m.active = TRUE"
                + " AND m.id_hash = x.id_hash AND m.name = x.name AND m.relation = x.relation AND m.labour = x.labour AND m.health = x.health"
                + " AND m.disability_grade <=> x.disability_grade AND m.disability_type <=> x.disability_type AND m.illness <=> x.illness"
                + " AND m.schooling = x.schooling AND m.employment_place = x.employment_place"
                + " AND m.employment_months <=> x.employment_months AND m.medical_insured = x.medical_insured"
                + " AND m.pension_insured = x.pension_insured AND m.extra_json <=> x.member_extra_json"
                + " WHERE x.job_id = ? AND m.id IS NULL) d ON d.household_no = ih.household_no"
                + " SET ih.outcome = 'CONFLICT', ih.registry_error = ? WHERE ih.job_id = ? AND ih.outcome = 'NEW' AND ih.existing_id IS NOT NULL",
                job, "户编号已登记，但成员信息与系统不一致；修改请在系统中进行", job);
        conflict("r.income_year IS NOT NULL AND EXISTS (SELECT 1 FROM income_record i WHERE i.household_id = h.id AND i.income_year = r.income_year"
                + " AND NOT (i.wage = r.wage AND i.production_net = r.production_net AND i.property = r.property AND i.transfer = r.transfer"
                + " AND i.expenses = r.expenses AND i.period_from = r.period_from AND i.period_to = r.period_to))",
                "该户这一年度的收入已登记，且与文件不同；修改请在系统中进行", scopeLike);
        for (IncomeLocks lock : incomeLocks) { // a year not yet recorded would be added: not into a locked period
            conflict("r.income_year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM income_record i WHERE i.household_id = h.id"
                    + " AND i.income_year = r.income_year) AND " + lock.lockedCondition("h.id", "COALESCE(r.period_from, MAKEDATE(r.income_year, 1))"),
                    lock.lockedMessage(), scopeLike);
        }
        update("UPDATE import_household ih JOIN import_row r ON r.job_id = ih.job_id AND r.row_no = ih.head_row"
                + " SET ih.outcome = 'UNCHANGED', ih.income_action = CASE WHEN r.income_year IS NULL THEN NULL"
                + " WHEN EXISTS (SELECT 1 FROM income_record i WHERE i.household_id = ih.existing_id AND i.income_year = r.income_year)"
                + " THEN 'SAME' ELSE 'ADD' END WHERE ih.job_id = ? AND ih.outcome = 'NEW' AND ih.existing_id IS NOT NULL", job);
        // New households: none of their people may be registered already (in any household, removed members included).
        int registered = update("UPDATE import_row r JOIN import_household ih ON ih.job_id = r.job_id AND ih.household_no = r.household_no"
                + " JOIN member m ON m.id_hash = r.id_hash JOIN household h ON h.id = m.household_id"
                + " SET r.registry_error = CASE WHEN h.village_code LIKE ? THEN CONCAT('「身份证号」此人已登记在户编号 ', h.household_no, '中')"
                + " ELSE ? END WHERE r.job_id = ? AND ih.outcome = 'NEW' AND ih.existing_id IS NULL",
                scopeLike, "「身份证号」此人" + RegistryService.REGISTERED_OUT_OF_SCOPE, job);
        if (registered > 0) { // registry_error was cleared above, so only that statement can have set one
            update("UPDATE import_household ih JOIN (SELECT DISTINCT household_no FROM import_row WHERE job_id = ? AND registry_error IS NOT NULL) e"
                    + " ON e.household_no = ih.household_no SET ih.outcome = 'CONFLICT', ih.registry_error = '本户有成员已在系统中登记'"
                    + " WHERE ih.job_id = ? AND ih.outcome = 'NEW'", job, job);
        }
    }

    private void conflict(String condition, String message, String scopeLike) throws SQLException {
        String sql = "UPDATE import_household ih JOIN household h ON h.id = ih.existing_id"
                + " JOIN import_row r ON r.job_id = ih.job_id AND r.row_no = ih.head_row"
                + " SET ih.outcome = 'CONFLICT', ih.registry_error = ? WHERE ih.job_id = ? AND ih.outcome = 'NEW' AND " + condition;
        if (condition.contains("?")) {
            update(sql, message, job, scopeLike);
        } else {
            update(sql, message, job);
        }
    }

    Summary summary() throws SQLException {
        int[] r = ints("SELECT COUNT(*), COALESCE(SUM(error IS NOT NULL OR registry_error IS NOT NULL), 0) FROM import_row WHERE job_id = ?", 2);
        int[] h = ints("SELECT COUNT(*), COALESCE(SUM(outcome = 'NEW'), 0), COALESCE(SUM(outcome = 'UNCHANGED'), 0),"
                + " COALESCE(SUM(outcome IN ('INVALID', 'CONFLICT')), 0), COALESCE(SUM(income_action = 'ADD'), 0)"
                + " + (SELECT COUNT(*) FROM import_household x JOIN import_row hr ON hr.job_id = x.job_id AND hr.row_no = x.head_row"
                + " WHERE x.job_id = ? AND x.outcome = 'NEW' AND hr.income_year IS NOT NULL)"
                + " FROM import_household WHERE job_id = ?", 5);
        return new Summary(r[0], r[1], h[0], h[1], h[2], h[3], h[4]);
    }

    private boolean exists(String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, job);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private int[] ints(String sql, int n) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 1; i <= st.getParameterMetaData().getParameterCount(); i++) {
                st.setLong(i, job);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rs.getInt(i + 1);
                }
                return out;
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** Writes the NEW households with their members and incomes, and the incomes to add to UNCHANGED ones. Caller owns the transaction. */
    Written write(String actor, Instant now) throws SQLException {
        LocalDateTime ts = utc(now);
        // head_name: the head row's name, as RegistryService.keepHeadNames would set it (a NEW household has one head).
        int households = update("INSERT INTO household (household_no, village_code, address, category, relocated, no_labour_capacity, active,"
                + " extra_json, head_name, version, created_at, updated_at) SELECT ih.household_no, h.village_code, h.address, h.category,"
                + " h.relocated, h.no_labour_capacity, TRUE, h.household_extra_json, h.name, 0, ?, ? FROM import_household ih"
                + " JOIN import_row h ON h.job_id = ih.job_id AND h.row_no = ih.head_row WHERE ih.job_id = ? AND ih.outcome = 'NEW'"
                + " ORDER BY ih.head_row", ts, ts, job);
        // Each statement below finds the household's id by its number (the unique key) as it reads: cheaper than writing the ids
        // into import_household first (an UPDATE of every new household: 1.6 s per 100,000, against 0.3-0.5 s more in each of
        // the three inserts; import of 300,590 rows, 2 Dec). import_household.household_id is no longer written; replicas of the release before
        // still write it during a rolling upgrade, so the column stays.
        int members = update("INSERT INTO member (household_id, name, id_cipher, id_hash, id_masked, birth_date, sex, relation, labour, health,"
                + " disability_grade, disability_type, illness, schooling, employment_place, employment_months, medical_insured,"
                + " pension_insured, active, extra_json, version, created_at, updated_at)"
                + " SELECT STRAIGHT_JOIN hh.id, r.name, r.id_cipher, r.id_hash, r.id_masked, r.birth_date, r.sex, r.relation, r.labour, r.health,"
                + " r.disability_grade, r.disability_type, r.illness, r.schooling, r.employment_place, r.employment_months,"
                + " r.medical_insured, r.pension_insured, TRUE, r.member_extra_json, 0, ?, ?"
                // STRAIGHT_JOIN: read the staged rows in file order (their primary key) so the members come out in row order
                // without a temporary table and a sort of every row (MariaDB chose import_household first: ~0.8 s per 300,000).
                + " FROM import_row r JOIN import_household ih ON ih.job_id = r.job_id AND ih.household_no = r.household_no"
                + " JOIN household hh ON hh.household_no = r.household_no WHERE r.job_id = ? AND ih.outcome = 'NEW' ORDER BY r.row_no", ts, ts, job);
        update("INSERT INTO household_event (household_id, kind, detail, occurred_at, actor)"
                + " SELECT hh.id, 'CREATED', CONCAT(ih.row_count, '人；批量导入（任务', ih.job_id, '）'), ?, ? FROM import_household ih"
                + " JOIN household hh ON hh.household_no = ih.household_no WHERE ih.job_id = ? AND ih.outcome = 'NEW'", ts, actor, job);
        // Per-capita as IncomeRecord.perCapita: (sum − expenses) / members, HALF_UP to the fen (MariaDB ROUND on DECIMAL rounds half away from zero).
        int incomes = update("INSERT INTO income_record (household_id, income_year, wage, production_net, property, transfer, expenses,"
                + " household_size, per_capita, period_from, period_to, version, created_at, updated_at)"
                + " SELECT hh.id, h.income_year, h.wage, h.production_net, h.property, h.transfer, h.expenses, ih.row_count,"
                + " ROUND((h.wage + h.production_net + h.property + h.transfer - h.expenses) / ih.row_count, 2), h.period_from, h.period_to,"
                + " 0, ?, ? FROM import_household ih JOIN import_row h ON h.job_id = ih.job_id AND h.row_no = ih.head_row"
                + " JOIN household hh ON hh.household_no = ih.household_no WHERE ih.job_id = ? AND h.income_year IS NOT NULL AND (ih.outcome = 'NEW' OR (ih.outcome = 'UNCHANGED' AND ih.income_action = 'ADD'))",
                ts, ts, job);
        return new Written(households, members, incomes);
    }

    // ---------------------------------------------------------------- report

    /** One row of the result report. */
    public record ReportRow(int rowNo, String outcome, String message, String cells) {
    }

    /**
     * Up to {@code limit} report rows after {@code afterRow}, in file order; {@code onlyProblems} leaves out the rows that were fine.
     * {@code compared}: the job's comparison with the registry is in place (committed); without it (a job uploaded to write
     * straight away whose write failed or was interrupted) a household that passed the file's checks is only that, not yet
     * known to be addable.
     */
    List<ReportRow> report(int afterRow, int limit, boolean onlyProblems, boolean written, boolean compared) throws SQLException {
        String sql = "SELECT r.row_no, r.error, r.registry_error, ih.outcome, ih.error, ih.registry_error, ih.income_action, r.cells"
                + " FROM import_row r LEFT JOIN import_household ih ON ih.job_id = r.job_id AND ih.household_no = r.household_no"
                + " WHERE r.job_id = ? AND r.row_no > ?"
                + (onlyProblems ? " AND (r.error IS NOT NULL OR r.registry_error IS NOT NULL OR ih.outcome IS NULL OR ih.outcome IN ('INVALID', 'CONFLICT'))" : "")
                + " ORDER BY r.row_no LIMIT ?";
        List<ReportRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, job);
            st.setInt(2, afterRow);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(reportRow(rs, written, compared));
                }
            }
        }
        return out;
    }

    private static ReportRow reportRow(ResultSet rs, boolean written, boolean compared) throws SQLException {
        String own = join(rs.getString(2), rs.getString(3));
        String outcome = rs.getString(4);
        String household = join(rs.getString(5), rs.getString(6));
        String income = rs.getString(7);
        String result;
        String message;
        if (own != null) {
            result = "错误";
            message = household == null ? own : own + "；" + household;
        } else if (outcome == null || "INVALID".equals(outcome) || "CONFLICT".equals(outcome)) {
            result = "未导入";
            message = household != null ? household : "本户其他行有错误，整户未导入";
        } else if ("NEW".equals(outcome) && !compared) {
            result = "待比对";
            message = "文件检查无误，尚未与系统中的农户比对；确认导入时比对";
        } else if ("NEW".equals(outcome)) {
            result = written ? "已新增" : "可新增";
            message = null;
        } else {
            result = "已存在";
            message = "ADD".equals(income) ? (written ? "户已登记，已补录收入" : "户已登记，将补录收入") : "户已登记且信息一致，无变化";
        }
        return new ReportRow(rs.getInt(1), result, message, rs.getString(8));
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "；" + b;
    }

    /** The message of a checked job purged unconfirmed (its label: RegistryImportService.EXPIRED_LABEL). */
    static final String EXPIRED_MESSAGE = "超过保留期未确认导入，暂存的数据已清理，没有写入任何数据；如需导入请重新上传文件";

    /**
     * Gives up the staged rows of jobs finished before {@code before}, or checked before it and never confirmed (they can
     * then no longer be written; the file must be uploaded again): their reports can no longer be downloaded, and the
     * rows no longer count against the county's allowance. Only the jobs are marked here (quick, so an upload's request
     * never waits for a large delete); {@link #deletePurgedRows} removes the rows, in the background.
     *
     * @return the jobs marked
     */
    static int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_job SET purged = TRUE, message = CASE WHEN status = 'VALIDATED' THEN"
                + " ? ELSE message END"
                + " WHERE purged = FALSE AND ((finished_at < ? AND status IN " + FINISHED + ") OR (validated_at < ? AND status = 'VALIDATED'))")) {
            st.setString(1, EXPIRED_MESSAGE);
            st.setObject(2, utc(before));
            st.setObject(3, utc(before));
            return st.executeUpdate();
        }
    }

    /** Jobs whose staged rows may go: written, rejected (all or nothing) or failed. */
    private static final String FINISHED = "('DONE', 'REJECTED', 'FAILED')";

    /**
     * Rows the county's unpurged jobs keep in staging, job by job as counted while reading ({@code rows_read}, which a
     * failed job resets to 0 as its rows are deleted); {@code except} is left out (the job asking). A purged job's rows
     * no longer count, though they may still be stored until {@link #deletePurgedRows} has run.
     */
    static long staged(Connection c, long except) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(SUM(rows_read), 0) FROM import_job WHERE purged = FALSE AND id <> ?")) {
            st.setLong(1, except);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Keeps the county's staging under {@code limit} rows by purging finished jobs, oldest first (their reports go, the
     * jobs stay listed); jobs waiting for confirmation or still running are kept.
     *
     * @return the rows still counted (see {@link #staged})
     */
    static long makeRoom(Connection c, long limit) throws SQLException {
        long staged = staged(c, -1);
        while (staged >= limit) {
            long freed = purgeOldestFinished(c, true);
            if (freed < 0) {
                break;
            }
            staged -= freed;
        }
        return staged;
    }

    /**
     * Purges the oldest finished job (its report goes, the job stays listed): for an upload, or for a file
     * that turns out larger than the room left while it is read. A file being read leaves REJECTED jobs alone
     * ({@code rejectedToo} false): they can still be written as VALID_ONLY, and the file may fail anyway.
     * <p>
     * The job is claimed by one conditional update ({@code purged = TRUE} only if it is still unpurged and finished), so
     * two imports making room never count one job twice, and a REJECTED job that a commit has just taken up (WRITING) is
     * not given up under the write. The claim commits at once and the rows are deleted afterwards by
     * {@link #deletePurgedRows}: a commit of the same job then finds it purged straight away (a clear conflict) instead
     * of waiting on its row lock for a delete of up to the whole allowance.
     *
     * @return the rows it no longer counts (its {@code rows_read}), or -1 when no such job is left
     */
    static long purgeOldestFinished(Connection c, boolean rejectedToo) throws SQLException {
        String statuses = rejectedToo ? FINISHED : "('DONE', 'FAILED')";
        while (true) {
            long id;
            long rows;
            try (PreparedStatement st = c.prepareStatement("SELECT id, rows_read FROM import_job WHERE status IN " + statuses
                    + " AND purged = FALSE ORDER BY id LIMIT 1"); ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                id = rs.getLong(1);
                rows = rs.getLong(2); // a finished job's count no longer changes
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE import_job SET purged = TRUE WHERE id = ? AND purged = FALSE AND status IN "
                    + statuses)) {
                u.setLong(1, id);
                if (u.executeUpdate() == 1) {
                    return rows;
                }
            } // else another import purged it, or a commit took it up, since the SELECT: the next one
        }
    }

    /** Rows deleted per statement: each delete is its own short transaction, so no lock is held for a whole job's rows. */
    static final int DELETE_CHUNK = 10_000;

    /**
     * Deletes the rows still staged for purged jobs, a chunk per statement, on a connection in autocommit. Runs in the
     * import's background work (before a file is read, and as a file being read makes room) and nightly
     * ({@link ImportStagingPurgeJob}), never in a request. Rows
     * left by a delete that did not finish (a restart, a lost connection) are found again by the next run, since purged
     * jobs are looked up by their rows, not remembered.
     *
     * @return the rows deleted
     */
    static long deletePurgedRows(Connection c) throws SQLException {
        long n = 0;
        for (String table : new String[] { "import_row", "import_household" }) {
            for (long id : ids(c, "SELECT j.id FROM import_job j WHERE j.purged = TRUE AND EXISTS (SELECT 1 FROM " + table
                    + " r WHERE r.job_id = j.id)")) {
                n += deleteRows(c, table, id);
            }
        }
        return n;
    }

    /** Deletes a job's rows of staging {@code table}, {@value #DELETE_CHUNK} per statement (autocommit), and counts them. */
    static long deleteRows(Connection c, String table, long job) throws SQLException {
        long n = 0;
        try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE job_id = ? LIMIT " + DELETE_CHUNK)) {
            d.setLong(1, job);
            int deleted;
            do {
                deleted = d.executeUpdate();
                n += deleted;
            } while (deleted == DELETE_CHUNK);
        }
        return n;
    }

    private static List<Long> ids(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            set(st, 1, params);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Instants are stored as UTC wall time, as Hibernate writes them (quarkus.hibernate-orm.jdbc.timezone=UTC), whatever the JVM's zone. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    int update(String sql, Object... params) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            set(st, 1, params);
            int rows = st.executeUpdate();
            if (LOG.isDebugEnabled()) { // which of the set-based steps a large import spends its time in
                LOG.debugf("import job %d: %d rows in %d ms: %.120s", job, rows, (System.nanoTime() - started) / 1_000_000, sql);
            }
            return rows;
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ImportStaging.class);
}
