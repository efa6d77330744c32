package cn.fpjc.app.funds;

import cn.fpjc.app.support.Sql;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Allocations and approved projects written straight into a county's tables, for the spending tests while the project
 * library's API (and its FundsFixture) is not yet on main; spending itself is exercised only through its API.
 */
public final class SpendingSeed {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private SpendingSeed() {
    }

    /** An indicator document of one source: returns its id. */
    public static long allocation(String county, int year, String source, String amount, String receivedOn) {
        String doc = "测财农〔" + year + "〕" + (1000 + NEXT.incrementAndGet()) + "号";
        String db = Sql.database(county);
        Sql.execute("INSERT INTO " + db + ".fund_allocation (year, doc_number, title, source, amount, received_on, created_by, created_at, version)"
                + " VALUES (" + year + ", '" + doc + "', '" + year + "年衔接资金', '" + source + "', " + amount + ", '" + receivedOn + "', 'test', NOW(6), 0)");
        return Long.parseLong(Sql.column("SELECT id FROM " + db + ".fund_allocation WHERE doc_number = '" + doc + "' AND source = '" + source + "'").get(0));
    }

    /** A project of the township (12 digits; null: county-level) in the given status, approved on {@code approvedOn}. */
    public static long project(String county, int year, String status, String township, String approvedOn) {
        String name = "测试产业项目" + NEXT.incrementAndGet();
        String db = Sql.database(county);
        Sql.execute("INSERT INTO " + db + ".fund_project (year, name, category, nature, fund_usage, township_code, content, implementer, enterprise_run,"
                + " non_poor_villages, status, approval_doc, approved_on, revision, created_by, created_at, updated_at, version) VALUES (" + year + ", '"
                + name + "', 'INDUSTRY', 'OPERATING', '" + usage() + "', " + (township == null ? "NULL" : "'" + township + "'")
                + ", '建设内容', '合作社', FALSE, FALSE, '" + status + "', " + (approvedOn == null ? "NULL, NULL" : "'测批〔" + year + "〕1号', '" + approvedOn + "'")
                + ", 1, 'test', NOW(6), NOW(6), 0)");
        return Long.parseLong(Sql.column("SELECT id FROM " + db + ".fund_project WHERE name = '" + name + "'").get(0));
    }

    /** A funding line of the project, paid from the allocation: returns its id. */
    public static long funding(String county, long project, String source, String amount, long allocation) {
        String db = Sql.database(county);
        Sql.execute("INSERT INTO " + db + ".fund_project_funding (project_id, source, amount, allocation_id) VALUES (" + project + ", '" + source + "', "
                + amount + ", " + allocation + ")");
        return Long.parseLong(Sql.column("SELECT MAX(id) FROM " + db + ".fund_project_funding WHERE project_id = " + project).get(0));
    }

    private static String usage() {
        return cn.fpjc.core.funds.project.FundUsage.values()[0].name();
    }

    /** The first township (12 digits) of a county. */
    public static String firstTownship(String county) {
        return Sql.column("SELECT code FROM " + Sql.database(county) + ".org_unit WHERE code LIKE '%000' AND LENGTH(code) = 12 ORDER BY code").get(0);
    }

    public static String secondTownship(String county) {
        return Sql.column("SELECT code FROM " + Sql.database(county) + ".org_unit WHERE code LIKE '%000' AND LENGTH(code) = 12 ORDER BY code").get(1);
    }
}
