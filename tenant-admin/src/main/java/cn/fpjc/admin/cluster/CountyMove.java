package cn.fpjc.admin.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One move of a county's database between clusters ({@link CountyMover}). */
@Entity
@Table(name = "county_move")
public class CountyMove extends PanacheEntityBase {
    public enum Step {
        READ_ONLY("只读等待"), COPYING("复制中"), VERIFYING("校验中"), SWITCHED("已切换"), CLEANED("已清理原库"), ROLLED_BACK("已回滚");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean inProgress() {
            return this == READ_ONLY || this == COPYING || this == VERIFYING;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_code", nullable = false, length = 6)
    public String tenantCode;

    /** Equal to the county code while the move is in progress: the unique key allows one at a time. */
    @Column(name = "active_tenant", length = 6)
    public String activeTenant;

    @Column(name = "source_cluster", nullable = false, length = 32)
    public String sourceCluster;

    @Column(name = "target_cluster", nullable = false, length = 32)
    public String targetCluster;

    @Column(name = "database_name", nullable = false, length = 64)
    public String databaseName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Step step;

    @Column(length = 200)
    public String owner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "tables_total", nullable = false)
    public int tablesTotal;

    @Column(name = "tables_copied", nullable = false)
    public int tablesCopied;

    @Column(name = "rows_copied", nullable = false)
    public long rowsCopied;

    @Column(columnDefinition = "MEDIUMTEXT")
    public String verification;

    @Column(columnDefinition = "TEXT")
    public String error;

    @Column(nullable = false, length = 64)
    public String actor;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "switched_at")
    public Instant switchedAt;

    @Column(name = "read_only_millis")
    public Long readOnlyMillis;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "cleaned_at")
    public Instant cleanedAt;
}
