package cn.fpjc.app;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start with one of the app's port and the management port fixed and the other random (0). Quarkus'
 * Micrometer binder tags a server's series with {@code server_port} only when its port is fixed; Prometheus refuses
 * one series name with two tag sets, so the second server's start never completes: the app answers requests but never
 * finishes starting, and SIGTERM then hangs. Failing here names the setting instead.
 */
@ApplicationScoped
public class ManagementPortCheck {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false)) {
            return;
        }
        String suffix = LaunchMode.current() == LaunchMode.TEST ? "test-port" : "port";
        int http = config.getOptionalValue("quarkus.http." + suffix, Integer.class).orElse(8080);
        int management = config.getOptionalValue("quarkus.management." + suffix, Integer.class).orElse(9000);
        String problem = problem(http, management);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Null when the pair can start; otherwise what to change. */
    static String problem(int httpPort, int managementPort) {
        if ((httpPort == 0) == (managementPort == 0)) {
            return null;
        }
        return "HTTP port " + httpPort + " and management port " + managementPort + ": set both fixed or both 0 (random). "
                + "Set FPJC_MANAGEMENT_PORT (quarkus.management.port) to a free port of its own; with one fixed and one random "
                + "the metrics of the two servers clash and the start never completes.";
    }
}
