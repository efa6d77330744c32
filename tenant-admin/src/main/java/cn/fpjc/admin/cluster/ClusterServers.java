package cn.fpjc.admin.cluster;

import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.tenancy.DatabaseClusters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which database server holds a cluster's databases, as people read it: the JDBC host:port its connections use — the
 * configured {@code quarkus.datasource.tenants.jdbc.url} for the cluster "default", the registered URL for the others.
 */
@ApplicationScoped
public class ClusterServers {
    @ConfigProperty(name = "quarkus.datasource.tenants.jdbc.url")
    Optional<String> tenantsUrl;

    /** host:port (or the URL's host list) of a cluster's server; "未配置" when no URL is known. */
    public String serverOf(String cluster) {
        return isConfigured(cluster) ? configured() : serversOf(List.of(cluster)).get(cluster);
    }

    /** {@link #serverOf} for several clusters in one read of the cluster table (a page of counties asks once). */
    public Map<String, String> serversOf(Collection<String> clusters) {
        List<String> registered = clusters.stream().filter(c -> !isConfigured(c)).distinct().toList();
        Map<String, String> urls = registered.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> found = new HashMap<>();
            InLists.list(DatabaseCluster.getEntityManager(), "from DatabaseCluster where name in :keys", DatabaseCluster.class, registered)
                    .forEach(c -> found.put(c.name, c.jdbcUrl));
            return found;
        });
        Map<String, String> out = new HashMap<>();
        for (String cluster : clusters) {
            String url = isConfigured(cluster) ? null : urls.get(cluster);
            out.put(cluster, isConfigured(cluster) ? configured() : url == null ? "未配置" : hostAndPort(url));
        }
        return out;
    }

    private static boolean isConfigured(String cluster) {
        return cluster == null || DatabaseClusters.DEFAULT.equals(cluster);
    }

    private String configured() {
        return tenantsUrl.map(ClusterServers::hostAndPort).orElse("未配置");
    }

    /**
     * The server part of a MySQL/MariaDB JDBC URL: {@code jdbc:mysql://db1:3307/fpjc?x=y} → {@code db1:3307}, the default port
     * added ({@code db1} → {@code db1:3306}), a host list kept ({@code h1:3306,h2:3306}), credentials written into the URL
     * ({@code user:secret@host}) left out.
     */
    public static String hostAndPort(String jdbcUrl) {
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "未知";
        }
        String rest = jdbcUrl.substring(start + 2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        StringBuilder out = new StringBuilder();
        for (String host : authority.split(",")) {
            String h = host.strip();
            if (h.isEmpty()) {
                continue;
            }
            boolean hasPort = h.startsWith("[") ? h.contains("]:") : h.contains(":");
            out.append(out.isEmpty() ? "" : ",").append(h).append(hasPort || h.startsWith("(") ? "" : ":3306");
        }
        return out.isEmpty() ? "未知" : out.toString();
    }
}
