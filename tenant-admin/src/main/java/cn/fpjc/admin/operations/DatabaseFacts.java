package cn.fpjc.admin.operations;

import java.time.Instant;

/** What the server knows about one tenant database: its size (information_schema) and its Liquibase history. */
record DatabaseFacts(boolean exists, int tables, long bytes, long rows, Integer changesets, Instant lastMigrationAt, String problem) {
    static final DatabaseFacts MISSING = new DatabaseFacts(false, 0, 0, 0, null, null, "数据库不存在或尚无数据表");
}
