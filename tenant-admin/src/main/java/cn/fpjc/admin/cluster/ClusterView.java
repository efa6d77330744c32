package cn.fpjc.admin.cluster;

import java.util.List;

/**
 * A cluster as the platform admin sees it: where it is (host:port only, never the account), how full, and its counties
 * with their database sizes. {@code problem} says why sizes are missing when the cluster could not be read.
 */
public record ClusterView(String name, String server, String credentials, int capacity, int poolSize, ClusterStatus status,
        String statusLabel, int counties, long bytes, String problem, List<ClusterTenant> tenants) {

    /** One county on the cluster; {@code bytes} is null when its database could not be measured. */
    public record ClusterTenant(String code, String name, String status, String statusLabel, String databaseName, Long bytes) {
    }
}
