package cn.fpjc.admin.cluster;


/**
 * Row locks of the control plane as plain {@code SELECT … FOR UPDATE}: Hibernate's MySQL dialect writes "FOR UPDATE OF
 * alias", which MariaDB refuses. Lock first, then load the entity in the same transaction.
 */
final class RowLocks {
    private RowLocks() {
    }

    static void tenant(String code) {
        lock("SELECT code FROM tenant WHERE code = ?1 FOR UPDATE", code);
    }

    static void cluster(String name) {
        lock("SELECT name FROM database_cluster WHERE name = ?1 FOR UPDATE", name);
    }

    static void allClusters() {
        DatabaseCluster.getEntityManager()
                .createNativeQuery("SELECT name FROM database_cluster ORDER BY name FOR UPDATE").getResultList();
    }

    static void move(long id) {
        lock("SELECT id FROM county_move WHERE id = ?1 FOR UPDATE", id);
    }

    private static void lock(String sql, Object key) {
        DatabaseCluster.getEntityManager().createNativeQuery(sql).setParameter(1, key).getResultList();
    }
}
