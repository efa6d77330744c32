package cn.fpjc.app.funds;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Projects to hang assets on, walked through the project library by the lead's {@link FundsFixture} in a demo county (the
 * county-level parameters — 信丰县's 确权 clock and cadence — belong to the demo counties' codes). The county's test clock
 * is moved while walking and reset after.
 */
final class AssetProjects {
    private static final Map<String, String> SLUGS = Map.of("360722", "xinfeng", "230129", "yanshou", "433124", "huayuan");

    private AssetProjects() {
    }

    private static final Map<String, String[]> LOCAL = new HashMap<>();

    /**
     * The demo county with its users; for another village than the demo clerk's, a clerk of that village and a reviewer of
     * its township are made once (the village clerk declares, the township reviewer reviews).
     */
    static synchronized FundsFixture.County demo(String county, String village) {
        String s = SLUGS.get(county);
        String township = village.substring(0, 9) + "000";
        final String demoReviewer = s + ".reviewer";
        String reviewer = demoReviewer;
        String clerk = s + ".clerk";
        if (!village.equals(county + "100201")) {
            String[] users = LOCAL.computeIfAbsent(village, v -> new String[] {
                township.equals(county + "100000") ? demoReviewer
                        : Api.createUser("t_as_rev_" + v, Roles.TOWNSHIP_REVIEWER, county, township),
                Api.createUser("t_as_clerk_" + v, Roles.VILLAGE_CLERK, county, v) });
            reviewer = users[0];
            clerk = users[1];
        }
        return new FundsFixture.County(county, township, village, s + ".admin", s + ".approver", s + ".finance", s + ".dept", reviewer, clerk);
    }

    /** An AUDITED project of {@code village}, audited on {@code auditedOn}, of {@code investment} yuan. */
    static long audited(String county, String village, LocalDate auditedOn, String investment) {
        FundsFixture.County c = demo(county, village);
        LocalDate start = auditedOn.minusDays(15);
        try {
            // Declared on the day the walk starts: a notice never starts before the step it announces.
            FundsFixture.setToday(c, start);
            long allocation = FundsFixture.allocation(c, start.getYear(), "CENTRAL", investment, start);
            Map<String, Object> body = body(c, start, investment);
            return FundsFixture.auditedProject(c, body, Map.of("CENTRAL", allocation), start);
        } finally {
            FundsFixture.resetClock(c);
        }
    }

    /** A project approved (立项) but not yet completed: no asset may be registered from it. */
    static long approved(String county, String village, LocalDate today) {
        FundsFixture.County c = demo(county, village);
        LocalDate start = today.minusDays(15);
        try {
            FundsFixture.setToday(c, start);
            long allocation = FundsFixture.allocation(c, start.getYear(), "CENTRAL", "100000", start);
            return FundsFixture.approvedProject(c, body(c, start, "100000"), Map.of("CENTRAL", allocation), start);
        } finally {
            FundsFixture.resetClock(c);
        }
    }

    private static Map<String, Object> body(FundsFixture.County c, LocalDate start, String investment) {
        return FundsFixture.project(c, start.getYear(), "资产测试项目" + System.nanoTime() % 1_000_000, "INDUSTRY", "OPERATING",
                Map.of("CENTRAL", investment));
    }
}
