package cn.fpjc.app.param;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import cn.fpjc.app.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Procedure variants: national step lists, replaced per county (民勤县 一键报贫), deadlines resolved from the parameters. */
@QuarkusTest
class ProceduresTest {
    static final String ID = "find { it.id == 'identification' }";

    static ValidatableResponse procedures(String user, String county) {
        return as(user).queryParam("year", 2024).get("/api/counties/" + county + "/procedures").then().statusCode(200);
    }

    @Test
    void aCountyWithoutVariantsFollowsTheNationalSteps() {
        procedures("lankao.clerk", "410225")
                .body("id", contains("identification", "elimination", "basic-protection"))
                .body(ID + ".origin", equalTo("NATIONAL"))
                .body(ID + ".steps.label", contains("受理与入户核实", "授权承诺与信息比对", "民主评议", "村内公示", "乡镇初审", "县级审定与公告",
                        "信息采集与系统录入"))
                .body(ID + ".steps.role", contains("village-clerk", "village-clerk", "village-clerk", "village-clerk", "township-reviewer",
                        "county-approver", "village-clerk"))
                .body(ID + ".steps[0].deadlines[0].amount", equalTo(5))
                .body(ID + ".steps[0].deadlines[0].unit", equalTo("天"))
                .body(ID + ".steps[3].deadlines[0].kind", equalTo("MIN_DURATION"))
                .body(ID + ".steps[5].deadlines[0].amount", equalTo(15))
                .body(ID + ".steps[6].deadlines[0].from", equalTo("county"))
                .body(ID + ".steps[6].deadlines[0].amount", equalTo(10))
                .body("find { it.id == 'elimination' }.steps.size()", equalTo(8))
                .body("find { it.id == 'basic-protection' }.steps[1].deadlines[0].amount", equalTo(5));
    }

    @Test
    void minqinFollowsItsOneClickReportVariantWithWorkingDayClocks() {
        ValidatableResponse r = procedures("minqin.clerk", "620621");
        r.body(ID + ".origin", equalTo("COUNTY"))
                .body(ID + ".label", equalTo("监测对象识别（“一键报贫”）"))
                .body(ID + ".steps.id", contains("verify", "feedback", "review", "township", "county", "plan"))
                .body(ID + ".steps[1].deadlines[0].from", equalTo("verify"))
                .body(ID + ".steps[1].deadlines[0].amount", equalTo(5))
                .body(ID + ".steps[1].deadlines[0].unit", equalTo("工作日"))
                .body(ID + ".steps[4].deadlines.unit", contains("工作日", "天"))
                .body(ID + ".steps[4].deadlines.amount", contains(5, 15))
                .body(ID + ".steps[4].deadlines.from", contains("feedback", "start"))
                .body(ID + ".steps[5].role", equalTo("responsible-official"))
                // Elimination has no Minqin variant: national.
                .body("find { it.id == 'elimination' }.origin", equalTo("NATIONAL"));
    }

    @Test
    void anotherGansuCountyDoesNotGetMinqinsVariant() {
        String county = Api.onboard("gansu", "62");
        String user = Api.createUser("t_proc_" + county, "county-approver", county, county);
        procedures(user, county).body(ID + ".origin", equalTo("NATIONAL")).body(ID + ".steps.size()", equalTo(7));
    }
}
