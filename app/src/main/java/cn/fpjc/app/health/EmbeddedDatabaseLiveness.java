package cn.fpjc.app.health;

import cn.fpjc.app.Main;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the embedded MariaDB this process started is running. It is restarted in-process when it dies
 * (EmbeddedMariaDb); while it is down, and for good once restarts fail, the app reports not-live so a supervisor
 * restarts it instead of every API call answering 500. With a configured database (production) there is no
 * embedded server and nothing to report.
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseLiveness implements HealthCheck {
    static final String NAME = "embedded-database";
    private final BooleanSupplier serverAlive;

    public EmbeddedDatabaseLiveness() {
        this(lookup());
    }

    /** {@code serverAlive} null: this process runs no embedded server. */
    EmbeddedDatabaseLiveness(BooleanSupplier serverAlive) {
        this.serverAlive = serverAlive;
    }

    @Override
    public HealthCheckResponse call() {
        if (serverAlive == null) {
            return HealthCheckResponse.named(NAME).up().withData("embedded", false).build();
        }
        return HealthCheckResponse.named(NAME).status(serverAlive.getAsBoolean()).withData("embedded", true).build();
    }

    /** Reflective: production packages have no embedded module on the classpath (see Main). */
    private static BooleanSupplier lookup() {
        try {
            return (BooleanSupplier) Class.forName(Main.EMBEDDED_RUNTIME).getMethod("serverAlive").invoke(null);
        } catch (ClassNotFoundException production) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask the embedded runtime whether its server runs", e);
        }
    }
}
