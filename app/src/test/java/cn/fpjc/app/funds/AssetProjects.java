package cn.fpjc.app.funds;

import cn.fpjc.app.support.Sql;
import java.time.LocalDate;

/**
 * An AUDITED project to hang assets on. Until the lead's FundsFixture (which walks a project through the API to AUDITED)
 * is on this branch, the project row is written straight into the county's tables — the asset tests only need a project
 * that has passed its 决算审计. Replace with FundsFixture when merging main.
 */
final class AssetProjects {
    private static int seq;

    private AssetProjects() {
    }

    /** An audited project of the county, in {@code village}, with one central funding line of {@code investment} yuan. */
    static synchronized long audited(String county, String village, LocalDate auditedOn, String investment) {
        String db = Sql.database(county);
        String name = "资产测试项目" + (++seq) + "-" + System.nanoTime() % 100000;
        Sql.execute("INSERT INTO " + db + ".fund_project (year, name, category, nature, fund_usage, township_code, content, implementer,"
                + " enterprise_run, non_poor_villages, status, completed_on, audited_on, revision, created_by, created_at, updated_at, version)"
                + " VALUES (" + auditedOn.getYear() + ", '" + name + "', 'INDUSTRY', 'OPERATING', 'INDUSTRY_PRODUCTION', '" + village.substring(0, 9)
                + "', '蔬菜大棚20个', '村股份经济合作社', false, false, 'AUDITED', '" + auditedOn.minusDays(30) + "', '" + auditedOn
                + "', 1, 'test', NOW(6), NOW(6), 0)");
        long id = Long.parseLong(Sql.column("SELECT id FROM " + db + ".fund_project WHERE name = '" + name + "'").get(0));
        Sql.execute("INSERT INTO " + db + ".fund_project_village (project_id, village_code) VALUES (" + id + ", '" + village + "')");
        Sql.execute("INSERT INTO " + db + ".fund_project_funding (project_id, source, amount) VALUES (" + id + ", 'CENTRAL', " + investment + ")");
        return id;
    }

    /** A project still being implemented (APPROVED): no asset may be registered from it. */
    static long approved(String county, String village, LocalDate today) {
        long id = audited(county, village, today, "100000");
        Sql.execute("UPDATE " + Sql.database(county) + ".fund_project SET status = 'APPROVED', audited_on = NULL, completed_on = NULL WHERE id = " + id);
        return id;
    }

    /** Adds a village to a project made here. */
    static void addVillage(String county, long project, String village) {
        Sql.execute("INSERT INTO " + Sql.database(county) + ".fund_project_village (project_id, village_code) VALUES (" + project + ", '" + village + "')");
    }
}
