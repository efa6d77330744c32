package cn.fpjc.app.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.embedded.EmbeddedMariaDb;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseLivenessTest {
    @Test
    void livenessGoesDownWhenTheEmbeddedServerProcessDies() throws Exception {
        // No restart: what a supervisor sees once the in-process restarts have given up.
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(null, "fpjc_control", false)) {
            EmbeddedDatabaseLiveness check = new EmbeddedDatabaseLiveness(db::isAlive);
            assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
            ProcessHandle.of(db.pid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> check.call().getStatus() == HealthCheckResponse.Status.DOWN);
        }
    }

    @Test
    void withoutAnEmbeddedServerThereIsNothingToReport() {
        assertEquals(HealthCheckResponse.Status.UP, new EmbeddedDatabaseLiveness(null).call().getStatus());
    }
}
