package cn.fpjc.core.platform.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Prometheus series of the background work (infra/k8s/README.md, "Metrics"). Tagged by job and how it started, never by
 * county: a nightly job runs once per county, and a county label would multiply every series by up to 2,800. Which county
 * failed is in {@code background_run} and the platform's operations page.
 */
@ApplicationScoped
public class JobMeters {
    /** Timer: {@code fpjc_background_job_duration_seconds_{count,sum,max,bucket}{job,trigger,outcome}}. */
    public static final String DURATION = "fpjc.background.job.duration";
    /** Counter: {@code fpjc_background_job_failures_total{job,trigger}}, there at zero for every nightly job from the start. */
    public static final String FAILURES = "fpjc.background.job.failures";
    /** Counter: {@code fpjc_background_job_interrupted_total{job,resolution}}: runs a dead process left, resumed or failed. */
    public static final String INTERRUPTED = "fpjc.background.job.interrupted";

    public enum Trigger {
        SCHEDULED, ON_DEMAND, RESUMED;

        String tag() {
            return name().toLowerCase();
        }
    }

    // Buckets for alerting on slow nights (a county's scan normally takes well under a second, an import minutes).
    private static final Duration[] SLO = {Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30)};

    @Inject
    MeterRegistry registry;

    /** Makes a nightly job's failure counter exist before its first failure, so "increase(...) > 0" alerts see it. */
    void declare(String job) {
        failures(job, Trigger.SCHEDULED);
    }

    void finished(String job, Trigger trigger, boolean done, long nanos) {
        Timer.builder(DURATION).description("Background runs, one per county and job, by how they ended")
                .tags("job", job, "trigger", trigger.tag(), "outcome", done ? "done" : "failed")
                .serviceLevelObjectives(SLO).register(registry).record(Duration.ofNanos(nanos));
        if (!done) {
            failures(job, trigger).increment();
        }
    }

    void interrupted(String job, boolean resumed) {
        Counter.builder(INTERRUPTED).description("Runs left RUNNING by a process that died, found by the sweep")
                .tags("job", job, "resolution", resumed ? "resumed" : "failed").register(registry).increment();
    }

    private Counter failures(String job, Trigger trigger) {
        return Counter.builder(FAILURES).description("Background runs that ended failed").tags("job", job, "trigger", trigger.tag())
                .register(registry);
    }
}
