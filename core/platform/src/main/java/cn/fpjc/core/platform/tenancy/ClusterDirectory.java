package cn.fpjc.core.platform.tenancy;

import java.util.Optional;

/**
 * Looks up how to connect to a database cluster other than the configured one. Implemented by the control plane
 * (tenant-admin); core only depends on this interface. A replica that meets a cluster registered on another replica
 * connects to it through this lookup.
 */
public interface ClusterDirectory {
    Optional<ClusterConnection> find(String clusterName);
}
