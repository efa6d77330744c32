package cn.fpjc.app.clock;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server without {@code fpjc.clock.adjustable=true} (production) never moves its date: even the platform admin is
 * refused with a stable code. (Own profile, so Quarkus restarts for this class.)
 */
@QuarkusTest
@TestProfile(ClockLockedTest.Production.class)
class ClockLockedTest {
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fpjc.clock.adjustable", "false");
        }
    }

    @Test
    void settingOrResettingTheDateIsRefusedWhenTheServerIsNotAdjustable() {
        as("admin").body(Map.of("today", "2024-10-08")).put("/api/admin/clock").then().statusCode(403)
                .body("code", equalTo("CLOCK_NOT_ADJUSTABLE")).body("message", equalTo("本环境不允许调整系统日期（仅测试和演示环境可以调整）"));
        as("admin").body(Map.of("today", "2024-10-08", "county", "230129")).put("/api/admin/clock").then().statusCode(403)
                .body("code", equalTo("CLOCK_NOT_ADJUSTABLE"));
        as("admin").delete("/api/admin/clock").then().statusCode(403).body("code", equalTo("CLOCK_NOT_ADJUSTABLE"));
        as("admin").get("/api/admin/clock").then().statusCode(200).body("adjustable", equalTo(false)).body("moved", equalTo(false));
    }
}
