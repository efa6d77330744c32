package cn.fpjc.admin.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A move of a county's database between clusters, as the platform admin follows it. {@code checks}: each table's row count
 * and checksum on both sides, once verified.
 */
public record MoveView(long id, String tenantCode, String sourceCluster, String targetCluster, String databaseName, CountyMove.Step step,
        String stepLabel, int tablesTotal, int tablesCopied, long rowsCopied, List<TableCheckView> checks, String error, String actor,
        Instant startedAt, Instant switchedAt, Long readOnlyMillis, Instant finishedAt, Instant cleanedAt) {

    /** One table on both sides. */
    public record TableCheckView(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum, boolean matches) {
    }

    /** The move request: the cluster to move to. */
    public record Request(@jakarta.validation.constraints.NotBlank(message = "请选择目标集群") String targetCluster) {
    }
}
