package cn.fpjc.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.PlanRules.MeasureFacts;
import cn.fpjc.core.monitoring.PlanRules.MemberFacts;
import cn.fpjc.core.monitoring.PlanRules.Outcome;
import cn.fpjc.core.registry.LabourCapacity;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each 一户一策 rule, true and false. */
class PlanRulesTest {
    static final LocalDate START = LocalDate.of(2024, 11, 1);
    static final MemberFacts WORKER = new MemberFacts(1, "张强", LabourCapacity.FULL);
    static final MemberFacts WEAK = new MemberFacts(2, "张母", LabourCapacity.WEAK);
    static final MemberFacts NONE = new MemberFacts(3, "张父", LabourCapacity.NONE);
    static final Set<RiskCategory> ILLNESS = Set.of(RiskCategory.ILLNESS);

    static MeasureFacts m(MeasureType type, Long member) {
        return new MeasureFacts(type, member, ILLNESS, START, null);
    }

    static List<String> rules(Outcome o) {
        return o.warnings().stream().map(PlanRules.Finding::rule).toList();
    }

    @Test
    void labourAndWillingnessRequireADevelopmentalMeasure() {
        Outcome refused = PlanRules.check(List.of(WORKER, NONE), true, ILLNESS, List.of(m(MeasureType.MEDICAL, null)));
        assertTrue(refused.refused());
        assertTrue(refused.errors().stream().anyMatch(e -> e.field().equals("measures") && e.message().contains("发展类")));
        Outcome ok = PlanRules.check(List.of(WORKER, NONE), true, ILLNESS,
                List.of(m(MeasureType.MEDICAL, null), m(MeasureType.EMPLOYMENT, 1L)));
        assertFalse(ok.refused(), ok.errors().toString());
        assertTrue(ok.warnings().isEmpty(), ok.warnings().toString());
        // Without the will to work, protection alone is accepted but flagged.
        Outcome unwilling = PlanRules.check(List.of(WORKER), false, ILLNESS, List.of(m(MeasureType.MEDICAL, null)));
        assertFalse(unwilling.refused());
        assertEquals(List.of("PROTECTION_ONLY"), rules(unwilling));
    }

    @Test
    void aMemberWithoutLabourIsNeverPutIntoAPublicWelfareOrWorkshopJob() {
        for (MeasureType job : List.of(MeasureType.PUBLIC_WELFARE_JOB, MeasureType.WORKSHOP_JOB)) {
            Outcome o = PlanRules.check(List.of(WORKER, NONE), true, ILLNESS, List.of(m(job, 3L)));
            assertTrue(o.refused());
            FieldError e = o.errors().get(0);
            assertEquals("measures[0].memberId", e.field());
            assertTrue(e.message().contains("张父") && e.message().contains("无劳动力"), e.message());
            assertFalse(PlanRules.check(List.of(WORKER, NONE), true, ILLNESS, List.of(m(job, 1L))).refused());
            assertTrue(PlanRules.check(List.of(WORKER), true, ILLNESS, List.of(m(job, null))).refused(), "a job names its member");
        }
    }

    @Test
    void protectionAloneIsFlaggedAndAHouseholdWithoutLabourNeedsTheSafetyNet() {
        Outcome noLabour = PlanRules.check(List.of(NONE), false, ILLNESS, List.of(m(MeasureType.MEDICAL, null)));
        assertFalse(noLabour.refused());
        assertEquals(List.of("PROTECTION_ONLY", "NO_SAFETY_NET"), rules(noLabour));
        Outcome protectedHousehold = PlanRules.check(List.of(NONE), false, ILLNESS,
                List.of(m(MeasureType.MEDICAL, null), m(MeasureType.DIBAO, null)));
        assertEquals(List.of("PROTECTION_ONLY"), rules(protectedHousehold));
        assertTrue(protectedHousehold.warnings().get(0).message().contains("整户无劳动能力"));
    }

    @Test
    void weakLabourWantsBothKindsAndEveryRiskWantsAMeasure() {
        Outcome weakDevOnly = PlanRules.check(List.of(WEAK), true, ILLNESS, List.of(m(MeasureType.INDUSTRY, null)));
        assertEquals(List.of("WEAK_LABOUR_MIX"), rules(weakDevOnly));
        assertTrue(rules(PlanRules.check(List.of(WEAK), true, ILLNESS,
                List.of(m(MeasureType.INDUSTRY, null), m(MeasureType.MEDICAL, null)))).isEmpty());
        Outcome unaddressed = PlanRules.check(List.of(WORKER), true, Set.of(RiskCategory.ILLNESS, RiskCategory.SCHOOLING),
                List.of(m(MeasureType.INDUSTRY, null)));
        assertEquals(List.of("RISK_UNADDRESSED"), rules(unaddressed));
        assertTrue(unaddressed.warnings().get(0).message().contains("因学"));
    }

    @Test
    void datesAndMembersAreChecked() {
        Outcome o = PlanRules.check(List.of(WORKER), true, ILLNESS, List.of(
                new MeasureFacts(MeasureType.MICROCREDIT, 9L, ILLNESS, START, START.minusDays(1))));
        assertEquals(List.of("measures[0].endOn", "measures[0].memberId"), o.errors().stream().map(FieldError::field).toList());
        assertTrue(PlanRules.check(List.of(WORKER), true, ILLNESS, List.of()).refused());
    }
}
