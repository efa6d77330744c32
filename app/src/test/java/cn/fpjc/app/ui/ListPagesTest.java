package cn.fpjc.app.ui;

import static cn.fpjc.app.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.registry.SyntheticRegistryService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists people can work with (issue 18 item 4): the household list sorted by a column the URL names (the order changes,
 * the heading says so, an unknown column is a 400 page), and the shared pager's page numbers and 跳至第 [n] 页 form
 * keeping the filters and the order.
 */
@QuarkusTest
class ListPagesTest {
    static String county;
    static String admin;
    static String village;
    static String bigCounty;
    static String bigAdmin;

    @Inject
    SyntheticRegistryService synthetic;

    @BeforeEach
    void data() throws Exception {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        admin = Api.createUser("t_lists_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        household("L" + county + "01", "甲一户", Ids.of("19700101", true));
        household("L" + county + "02", "乙二户", Ids.of("19710202", false));
        bigCounty = Api.onboard("gansu", "62");
        bigAdmin = Api.createUser("t_lists_big_" + bigCounty, Roles.COUNTY_ADMIN, bigCounty, bigCounty);
        Api.addTownshipAndVillage(bigAdmin, bigCounty, "101");
        synthetic.generate(bigCounty, 75, 11);
    }

    static void household(String no, String head, String id) {
        Map<String, Object> h = new HashMap<>(Map.of("name", head, "idNumber", id, "relation", "户主", "labour", "普通劳动力",
                "health", "健康", "medicalInsured", true));
        as(admin).body(Map.of("householdNo", no, "villageCode", village, "category", "一般农户", "members", List.of(h)))
                .post("/api/counties/" + county + "/households").then().statusCode(201);
    }

    static String page(String user, String url, int status) {
        return as(user).accept("text/html").get(url).then().statusCode(status).extract().asString();
    }

    @Test
    void theHouseholdListSortsByTheColumnTheUrlNamesAndMarksIt() {
        String byDefault = page(admin, "/households", 200);
        assertTrue(byDefault.indexOf("甲一户") < byDefault.indexOf("乙二户"), "by village and 户编号 at first");
        assertTrue(byDefault.contains("<th aria-sort=\"none\"><a class=\"sort\" href=\"/households?sort=householdNo&amp;dir=asc\">户编号</a></th>"),
                byDefault);

        String down = page(admin, "/households?sort=householdNo&dir=desc", 200);
        assertTrue(down.indexOf("乙二户") < down.indexOf("甲一户"), "户编号 descending puts 02 first");
        assertTrue(down.contains("<th aria-sort=\"descending\"><a class=\"sort\" href=\"/households?sort=householdNo&amp;dir=asc\">户编号 ▼</a></th>"),
                "the heading is marked and its link turns the order round: " + down);

        String up = page(admin, "/households?sort=householdNo&dir=asc", 200);
        assertTrue(up.indexOf("甲一户") < up.indexOf("乙二户"));
        assertTrue(up.contains("aria-sort=\"ascending\"") && up.contains("href=\"/households?sort=householdNo&amp;dir=desc\">户编号 ▲</a>"), up);

        // The filters stay in the headings' links; the order and the filters in the page links.
        String filtered = page(admin, "/households?q=L" + county + "&sort=householdNo&dir=desc", 200);
        assertTrue(filtered.indexOf("乙二户") < filtered.indexOf("甲一户"));
        assertTrue(filtered.contains("href=\"/households?q=L" + county + "&amp;sort=village&amp;dir=asc\""), filtered);

        String refused = page(admin, "/households?sort=headName", 400);
        assertTrue(refused.contains("此列表只能按户编号、村排序"), refused);
        assertFalse(refused.contains("甲一户"));
        assertTrue(page(admin, "/households?sort=householdNo&dir=up", 400).contains("排序方向只能是"));
    }

    @Test
    void thePagerHasPageNumbersAndAJumpToFormThatKeepTheFiltersAndTheOrder() {
        String first = page(bigAdmin, "/households?sort=householdNo&dir=desc", 200);
        assertTrue(first.contains("第 1 / 4 页"), first);
        assertTrue(first.contains("<strong class=\"page-current\" aria-current=\"page\">1</strong>"));
        assertTrue(first.contains("href=\"/households?sort=householdNo&amp;dir=desc&amp;page=3\">4</a>"), "the last page's number");
        assertTrue(first.contains("<form method=\"get\" action=\"/households\" class=\"pager jump no-print\" id=\"jump-form\">"), first);
        assertTrue(first.contains("<input type=\"hidden\" name=\"sort\" value=\"householdNo\"><input type=\"hidden\" name=\"dir\" value=\"desc\">"),
                "the form sends the order again");
        assertTrue(first.contains("name=\"jump\" min=\"1\" max=\"4\""));

        // 跳至第 3 页: the same rows as the link to page=2, in the order asked for.
        String jumped = page(bigAdmin, "/households?sort=householdNo&dir=desc&jump=3", 200);
        assertTrue(jumped.contains("<strong class=\"page-current\" aria-current=\"page\">3</strong>"), jumped);
        List<String> third = numbers(jumped);
        assertEquals(numbers(page(bigAdmin, "/households?sort=householdNo&dir=desc&page=2", 200)), third);
        assertEquals(20, third.size());
        assertEquals(third.stream().sorted(java.util.Comparator.reverseOrder()).toList(), third, "descending 户编号");
        assertTrue(numbers(first).get(19).compareTo(third.get(0)) > 0, "page 3 follows page 1 in the order");

        assertTrue(page(bigAdmin, "/households?jump=abc", 400).contains("跳转的页码应为整数"));
        assertTrue(page(bigAdmin, "/households?jump=0", 200).contains("<strong class=\"page-current\" aria-current=\"page\">1</strong>"));
    }

    private static final Pattern ROW_NO = Pattern.compile("<tr data-id=\"\\d+\">\\s*<td><a href=\"/households/\\d+\">([^<]+)</a>");

    static List<String> numbers(String html) {
        Matcher m = ROW_NO.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
