package cn.fpjc.core.platform.tenancy;

/**
 * How to reach one database cluster: its JDBC URL and the account, resolved from the environment or a file by the control
 * plane at the moment of connecting (never stored in a database). {@code toString} leaves the password out.
 */
public record ClusterConnection(String name, String jdbcUrl, String username, String password, int maxPoolSize) {
    @Override
    public String toString() {
        return "ClusterConnection[" + name + " " + jdbcUrl + " as " + username + "]";
    }
}
