package cn.fpjc.app.ui;

import static cn.fpjc.app.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.registry.SyntheticRegistryService;
import cn.fpjc.core.registry.quality.DataQualityRule;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The sortable headings and the shared pager on the other long lists (issue 18 item 4, rest): 风险线索, 疑点, 小额信贷台账,
 * 资金发放批次 and the county registry. Each is sorted by a column the URL names (the rows come back in that order, ties by
 * id the same way round), 跳至第 2 页 shows the rows after page 1's, the filters stay in the links, and a column the list
 * does not sort by is a 400 page naming the columns it does (the shared rule of {@code SortBy}), never a 500.
 */
@QuarkusTest
class SortedListsPagesTest {
    @Inject
    SyntheticRegistryService synthetic;

    static String page(String user, String url, int status) {
        return as(user).accept("text/html").get(url).then().statusCode(status).extract().asString();
    }

    /** The part of a page from {@code <table id="…"} to its end. */
    static String table(String html, String id) {
        int from = html.indexOf("<table id=\"" + id + "\"");
        assertTrue(from >= 0, "table " + id + " on the page: " + html);
        return html.substring(from, html.indexOf("</table>", from));
    }

    static List<String> all(Pattern p, String html) {
        Matcher m = p.matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- 风险线索 (20 a page)

    static final Pattern CLUE_NAME = Pattern.compile("<a href=\"/clues/\\d+\">([^<]+)</a>");
    static final Pattern CLUE_DUE = Pattern.compile("<tr data-id=\"\\d+\">\\s*<td class=\"nowrap\">(\\d{4}-\\d{2}-\\d{2})");

    @Test
    void theClueListSortsByNameAndDueDateAndPagesWithTheJumpForm() {
        String county = Api.onboard("gansu", "62");
        String admin = Api.createUser("t_sl_clue_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String clerk = Api.createUser("t_sl_clue_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        String given = "甲乙丙丁戊己庚辛壬癸子";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Names and report dates in different orders, so each sort is seen to do its own.
            String name = "王" + given.charAt(i % 11) + given.charAt(i / 11);
            names.add(name);
            Map<String, Object> c = new HashMap<>(Map.of("channel", "农户自主申报", "sourceDetail", "村委会", "villageCode", village, "name", name,
                    "idNumber", Ids.of(String.format("1970%02d%02d", i % 12 + 1, i + 1), i % 2 == 0), "description", "家中有人住院，医疗费用较高",
                    "riskCategories", List.of("因病")));
            c.put("reportedOn", LocalDate.of(2024, 3, 1).plusDays((i * 7) % 25).toString());
            as(clerk).body(c).post("/api/counties/" + county + "/clues").then().statusCode(201);
        }

        // By default the nearest 核实期限 first.
        List<String> dues = all(CLUE_DUE, table(page(clerk, "/clues", 200), "clues"));
        assertEquals(20, dues.size(), "20 a page");
        assertEquals(dues.stream().sorted().toList(), dues, "nearest due first by default");

        // 姓名 descending: page 1 and 跳至第 2 页 together are every name, in that order.
        List<String> expected = names.stream().sorted(Comparator.reverseOrder()).toList();
        String first = page(clerk, "/clues?status=OPEN&sort=personName&dir=desc", 200);
        List<String> firstNames = all(CLUE_NAME, table(first, "clues"));
        assertEquals(expected.subList(0, 20), firstNames);
        assertTrue(first.contains("<th aria-sort=\"descending\"><a class=\"sort\" href=\"/clues?status=OPEN&amp;sort=personName&amp;dir=asc\">姓名 ▼</a></th>"),
                first);
        assertTrue(first.contains("<input type=\"hidden\" name=\"status\" value=\"OPEN\"><input type=\"hidden\" name=\"sort\" value=\"personName\">"
                + "<input type=\"hidden\" name=\"dir\" value=\"desc\">"), "the jump form keeps the filter and the order: " + first);
        String second = page(clerk, "/clues?status=OPEN&sort=personName&dir=desc&jump=2", 200);
        assertTrue(second.contains("<strong class=\"page-current\" aria-current=\"page\">2</strong>"), second);
        assertEquals(expected.subList(20, 25), all(CLUE_NAME, table(second, "clues")));
        assertEquals(all(CLUE_NAME, table(page(clerk, "/clues?status=OPEN&sort=personName&dir=desc&page=1", 200), "clues")),
                all(CLUE_NAME, table(second, "clues")), "跳至第 2 页 is the link to page=1");

        // 核实期限 descending; the 只看已逾期 filter (all of them are overdue by now) stays in the headings' links.
        String overdue = page(clerk, "/clues?status=OPEN&overdue=true&sort=verifyDue&dir=desc", 200);
        List<String> down = all(CLUE_DUE, table(overdue, "clues"));
        assertEquals(down.stream().sorted(Comparator.reverseOrder()).toList(), down);
        assertTrue(down.get(0).compareTo(dues.get(0)) > 0, "the latest due first");
        assertTrue(overdue.contains("href=\"/clues?status=OPEN&amp;overdue=true&amp;sort=villageCode&amp;dir=asc\""), overdue);

        String refused = page(clerk, "/clues?sort=description", 400);
        assertTrue(refused.contains("此列表只能按核实期限、姓名、村排序"), refused);
        assertEquals(1, refused.split("此列表只能按", -1).length - 1, "the reason shown once: " + refused);
        assertFalse(refused.contains(names.get(0)), "no rows under a refused order");
        assertTrue(page(clerk, "/clues?jump=x", 400).contains("跳转的页码应为整数"));
    }

    // ---------------------------------------------------------------- 疑点 (50 a page)

    static final Pattern FINDING = Pattern.compile("<tr><td>[^<]*</td><td><a href=\"/households/\\d+\">([^<]+)</a></td><td>([^<]+)</td>");

    @Test
    void theFindingsSortByHouseholdNumberAndRuleAndPageWithTheJumpForm() throws Exception {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_sl_dq_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        Api.addTownshipAndVillage(admin, county, "101");
        Api.addTownshipAndVillage(admin, county, "102");
        synthetic.generate(county, 25, 7);
        // Everyone uninsured: at least one finding a person, so more than one page of them.
        Sql.execute("UPDATE " + Sql.database(county) + ".member SET medical_insured = FALSE");
        long run = as(admin).post("/api/counties/" + county + "/data-quality/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        Awaitility.await("data-quality run finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(admin).get("/api/counties/" + county + "/data-quality").then().statusCode(200).extract().jsonPath(),
                        s -> s.get("running") == null && s.get("latest") != null && s.getLong("latest.id") == run);
        List<String> numbers = as(admin).get("/api/counties/" + county + "/data-quality/findings?size=500").then().statusCode(200).extract()
                .jsonPath().getList("householdNo", String.class);
        assertTrue(numbers.size() > 50, "more than one page of findings: " + numbers.size());
        int twoPages = Math.min(numbers.size(), 100);

        String first = page(admin, "/data-quality?sort=householdNo&dir=desc", 200);
        String second = page(admin, "/data-quality?sort=householdNo&dir=desc&jump=2", 200);
        List<String> shown = concat(all(FINDING, table(first, "dq-findings")), all(FINDING, table(second, "dq-findings")));
        assertEquals(numbers.stream().sorted(Comparator.reverseOrder()).toList().subList(0, twoPages), shown, "户编号 descending over two pages");
        assertEquals(50, all(FINDING, table(first, "dq-findings")).size());
        assertTrue(first.contains("<th aria-sort=\"descending\"><a class=\"sort\" href=\"/data-quality?sort=householdNo&amp;dir=asc\">户编号 ▼</a></th>"),
                first);
        assertTrue(second.contains("<strong class=\"page-current\" aria-current=\"page\">2</strong>"), second);

        // 规则 ascending: the rules' codes in order over both pages.
        Map<String, String> codeOf = new HashMap<>();
        for (DataQualityRule r : DataQualityRule.values()) {
            codeOf.put(r.label(), r.name());
        }
        Pattern rule = Pattern.compile("<tr><td>[^<]*</td><td><a href=\"/households/\\d+\">[^<]+</a></td><td>([^<]+)</td>");
        List<String> codes = concat(all(rule, table(page(admin, "/data-quality?sort=rule", 200), "dq-findings")),
                all(rule, table(page(admin, "/data-quality?sort=rule&page=1", 200), "dq-findings"))).stream().map(codeOf::get).toList();
        assertEquals(twoPages, codes.size());
        assertEquals(codes.stream().sorted().toList(), codes, "by rule");
        assertTrue(codes.contains("NOT_MEDICALLY_INSURED") && !codes.get(0).equals(codes.get(codes.size() - 1)), "more than one rule: " + codes);

        // The rule filter stays in the headings' links and the jump form.
        String oneRule = page(admin, "/data-quality?rule=NOT_MEDICALLY_INSURED&sort=householdNo&dir=desc", 200);
        assertTrue(oneRule.contains("href=\"/data-quality?rule=NOT_MEDICALLY_INSURED&amp;sort=village&amp;dir=asc\""), oneRule);

        String refused = page(admin, "/data-quality?sort=detail", 400);
        assertTrue(refused.contains("此列表只能按村、户编号、规则排序"), refused);
        assertEquals(1, refused.split("此列表只能按", -1).length - 1, "the reason shown once: " + refused);
        assertTrue(page(admin, "/data-quality?sort=rule&dir=sideways", 400).contains("排序方向只能是"));
    }

    // ---------------------------------------------------------------- 小额信贷台账 (50 a page)

    static final Pattern LOAN_ROW = Pattern.compile("<tr data-loan=\"(\\d+)\">");

    @Test
    void theLoanBookSortsByAmountAndPagesWithTheJumpForm() {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_sl_loan_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String clerk = Api.createUser("t_sl_loan_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        for (int i = 0; i < 52; i++) {
            long member = as(clerk).body(Map.of("householdNo", "SL" + county + i, "villageCode", village, "category", "脱贫户", "members",
                    List.of(Map.of("name", "贷款户" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10), "idNumber", Ids.of(String.format("1975%02d%02d", i % 12 + 1,
                            i % 28 + 1), true), "relation", "户主", "labour", "普通劳动力", "health", "健康"))))
                    .post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath().getLong("members[0].id");
            // Amounts not in the order of registration; two alike, so the tie is broken by id.
            BigDecimal amount = new BigDecimal(10000 + (i * 37 % 52) * 100 + (i == 51 ? 100 : 0)).setScale(2);
            long loan = as(clerk).body(Map.of("memberId", member, "amount", amount, "termMonths", 36, "annualRate", new BigDecimal("3.45"),
                    "repaymentMethod", "按季付息、到期还本", "purpose", "养殖肉牛")).post("/api/counties/" + county + "/loans").then().statusCode(201)
                    .extract().jsonPath().getLong("loan.id");
            amounts.put(loan, amount);
        }
        List<String> byAmountDown = amounts.entrySet().stream().sorted(Map.Entry.<Long, BigDecimal>comparingByValue().reversed()
                .thenComparing(Map.Entry.<Long, BigDecimal>comparingByKey().reversed())).map(e -> String.valueOf(e.getKey())).toList();

        String first = page(clerk, "/loans?status=已申请&sort=amount&dir=desc", 200);
        String second = page(clerk, "/loans?status=已申请&sort=amount&dir=desc&jump=2", 200);
        assertEquals(byAmountDown, concat(all(LOAN_ROW, table(first, "loans")), all(LOAN_ROW, table(second, "loans"))),
                "金额 descending, ties by the later loan first, over both pages");
        assertEquals(50, all(LOAN_ROW, table(first, "loans")).size());
        assertTrue(first.contains("<th aria-sort=\"descending\"><a class=\"sort\" href=\"/loans?status=%E5%B7%B2%E7%94%B3%E8%AF%B7&amp;sort=amount&amp;dir=asc\">金额（元） ▼</a></th>"),
                "the status filter stays in the headings' links: " + first);
        assertTrue(first.contains("<input type=\"hidden\" name=\"status\" value=\"已申请\">"), "and in the jump form");
        assertTrue(second.contains("<strong class=\"page-current\" aria-current=\"page\">2</strong>"), second);

        // By default the latest registered first.
        List<String> latest = amounts.keySet().stream().sorted(Comparator.reverseOrder()).map(String::valueOf).toList();
        assertEquals(latest.subList(0, 50), all(LOAN_ROW, table(page(clerk, "/loans", 200), "loans")));

        String refused = page(clerk, "/loans?sort=borrowerName", 400);
        assertTrue(refused.contains("此列表只能按村、金额、到期日、逾期排序"), refused);
        assertTrue(page(clerk, "/loans?jump=二", 400).contains("跳转的页码应为整数"));
    }

    // ---------------------------------------------------------------- 资金发放批次 (50 a page)

    static final Pattern BATCH_ROW = Pattern.compile("<tr data-batch=\"(\\d+)\">");

    @Test
    void theBatchListSortsByPeriodAndPagesWithTheJumpForm() {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_sl_pay_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        Map<Long, String> periods = new LinkedHashMap<>();
        for (int i = 0; i < 53; i++) {
            // Years not in the order the batches are made.
            String period = String.valueOf(2030 + (i * 19 % 53));
            long id = as(admin).body(Map.of("programmeId", cn.fpjc.app.assistance.TestPaymentProgrammes.ID, "period", period, "lines", List.of()))
                    .post("/api/counties/" + county + "/payment-batches").then().statusCode(201).extract().jsonPath().getLong("batch.id");
            periods.put(id, period);
        }
        List<String> byPeriod = periods.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(e -> String.valueOf(e.getKey())).toList();

        String first = page(admin, "/payment-batches?sort=period", 200);
        String second = page(admin, "/payment-batches?sort=period&dir=asc&jump=2", 200);
        assertEquals(byPeriod, concat(all(BATCH_ROW, table(first, "batches")), all(BATCH_ROW, table(second, "batches"))));
        assertEquals(50, all(BATCH_ROW, table(first, "batches")).size());
        assertTrue(first.contains("<th aria-sort=\"ascending\"><a class=\"sort\" href=\"/payment-batches?sort=period&amp;dir=desc\">期间 ▲</a></th>"), first);
        assertTrue(first.contains("href=\"/payment-batches?sort=period&amp;dir=asc&amp;page=1\">2</a>"), "page links keep the order");

        List<String> newest = periods.keySet().stream().sorted(Comparator.reverseOrder()).map(String::valueOf).toList();
        assertEquals(newest.subList(0, 50), all(BATCH_ROW, table(page(admin, "/payment-batches", 200), "batches")), "latest batch first");

        String refused = page(admin, "/payment-batches?sort=status", 400);
        assertTrue(refused.contains("此列表只能按批次号、项目、期间排序"), refused);
        assertTrue(refused.contains("<p class=\"error\" role=\"alert\">提交的数据不符合要求：此列表只能按批次号、项目、期间排序</p>"), refused);
        assertEquals(1, refused.split("此列表只能按", -1).length - 1, "the reason shown once");
    }

    // ---------------------------------------------------------------- 县（区）租户 (20 a page)

    static final Pattern TENANT_ROW = Pattern.compile("<tr data-code=\"(\\d{6})\">");

    @Test
    void theTenantRegistrySortsByNameAndProvinceAndPagesWithTheJumpForm() {
        // Two counties whose names sort the other way round from their codes (丁 U+4E01 before 乙 U+4E59).
        String lower = Api.freshCountyCode("62");
        String higher = Api.freshCountyCode("62");
        as("admin").body(Map.of("code", lower, "name", "排序乙县" + lower, "province", "gansu")).post("/api/admin/tenants").then().statusCode(201);
        as("admin").body(Map.of("code", higher, "name", "排序丁县" + higher, "province", "gansu")).post("/api/admin/tenants").then().statusCode(201);
        assertEquals(List.of(lower, higher), all(TENANT_ROW, table(page("admin", "/admin/tenants?q=排序", 200), "tenants")), "by code at first");
        String byName = page("admin", "/admin/tenants?q=排序&sort=name", 200);
        assertEquals(List.of(higher, lower), all(TENANT_ROW, table(byName, "tenants")));
        assertTrue(byName.contains("<th aria-sort=\"ascending\"><a class=\"sort\" href=\"/admin/tenants?q=%E6%8E%92%E5%BA%8F&amp;sort=name&amp;dir=desc\">名称 ▲</a></th>"),
                byName);

        // More than one page of counties, whatever else this run has onboarded.
        int total = Integer.parseInt(as("admin").get("/api/admin/tenants?size=1").then().statusCode(200).extract().header("X-Total-Count"));
        for (int i = total; i <= 20; i++) {
            Api.onboard("hunan", "43");
        }
        Map<String, String> provinceOf = new HashMap<>();
        for (int p = 0; ; p++) {
            List<Map> some = as("admin").get("/api/admin/tenants?size=200&page=" + p).then().statusCode(200).extract().jsonPath().getList("$", Map.class);
            if (some.isEmpty()) {
                break;
            }
            some.forEach(t -> provinceOf.put((String) t.get("code"), (String) t.get("provinceId")));
        }
        String first = page("admin", "/admin/tenants?sort=provinceId&dir=desc", 200);
        String second = page("admin", "/admin/tenants?sort=provinceId&dir=desc&jump=2", 200);
        List<String> codes = concat(all(TENANT_ROW, table(first, "tenants")), all(TENANT_ROW, table(second, "tenants")));
        assertEquals(20, all(TENANT_ROW, table(first, "tenants")).size());
        assertTrue(second.contains("<strong class=\"page-current\" aria-current=\"page\">2</strong>"), second);
        Comparator<String> byProvinceThenCode = Comparator.<String, String>comparing(provinceOf::get)
                .thenComparing(Comparator.naturalOrder());
        assertEquals(codes.stream().sorted(byProvinceThenCode.reversed()).toList(), codes, "province descending, then code, over both pages");
        assertEquals(codes.size(), codes.stream().distinct().count(), "no county on both pages");

        String refused = page("admin", "/admin/tenants?q=排序&sort=databaseName", 400);
        assertTrue(refused.contains("此列表只能按代码、名称、省份排序"), refused);
        assertFalse(refused.contains("data-code=\"" + lower + "\""), "no rows under a refused order");
    }
}
