package cn.fpjc.app.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The packaged app (target/quarkus-app, built by {@code package} before failsafe runs) started as a process of its own,
 * as the integration tests run replicas of it side by side; and the ports those tests give their processes.
 */
public final class PackagedApp {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** Linux's default ephemeral range starts here; {@link #ephemeralStart()} reads the machine's own. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    /** The lowest port handed out: above the well-known and most registered service ports. */
    private static final int LOWEST = 20_000;

    /** Ports handed out by this JVM: one handed out and not yet bound by its process still looks free. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private PackagedApp() {
    }

    /**
     * Starts one replica named {@code name} on {@code httpPort}, with a free management port of its own (both ports fixed:
     * see ManagementPortCheck), its own temporary directory under {@code work}, {@code config} as system properties and
     * none of the caller's QUARKUS_/FPJC_ environment; output to {@code log}.
     */
    public static Process launch(String name, int httpPort, Map<String, String> config, Path work, Path log) throws IOException {
        Path tmp = Files.createDirectories(work.resolve(name + "-tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, "-Dquarkus.http.port=" + httpPort, "-Dquarkus.management.port=" + freePort(),
                "-Dfpjc.jobs.node=" + name));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("FPJC_"));
        return pb.start();
    }

    /** A port for a process a test is about to start: see {@link #freeRun(int)}. */
    public static int freePort() throws IOException {
        return freeRun(1);
    }

    /**
     * The first of {@code n} consecutive ports that are free now and were not handed out before by this JVM, for servers a
     * test is about to start (which bind them seconds later). From {@code FPJC_IT_PORT_BASE} upwards when that is set;
     * otherwise at random below the machine's ephemeral range. A port the system picks ({@code ServerSocket(0)}) lies in
     * that range, where any outgoing connection (the replicas' own JDBC connections, say) may take it between this check
     * and the server's bind; a replica then exits at start with "address already in use".
     */
    public static synchronized int freeRun(int n) throws IOException {
        String configured = System.getenv("FPJC_IT_PORT_BASE");
        if (configured != null && !configured.isBlank()) {
            int from = Integer.parseInt(configured.strip());
            for (int base = from; base + n <= 65_536; base++) {
                if (claim(base, n)) {
                    return base;
                }
            }
            throw new IOException("no run of " + n + " free ports from FPJC_IT_PORT_BASE=" + from);
        }
        int below = Math.max(LOWEST + 1_000, ephemeralStart());
        for (int tries = 0; tries < 500; tries++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, below - n);
            if (claim(base, n)) {
                return base;
            }
        }
        throw new IOException("no run of " + n + " free ports between " + LOWEST + " and " + below);
    }

    /** Takes ports base..base+n-1 for this JVM when every one of them is free and was not handed out before. */
    private static boolean claim(int base, int n) {
        for (int p = base; p < base + n; p++) {
            if (HANDED_OUT.contains(p) || !bindable(p)) {
                return false;
            }
        }
        for (int p = base; p < base + n; p++) {
            HANDED_OUT.add(p);
        }
        return true;
    }

    /** Free on every address, as the app binds 0.0.0.0. */
    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of this machine's ephemeral range (/proc/sys/net/ipv4/ip_local_port_range), 32768 if unknown. */
    static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /**
     * Why a started process is gone, for an assertion message: its exit code and the end of its log (CI keeps the
     * assertion message where it may cut the test's other output).
     */
    public static String exited(String name, Process process, Path log) {
        StringBuilder out = new StringBuilder(name).append(" exited with ").append(process.exitValue());
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> errors = lines.stream().filter(l -> l.contains("ERROR") || l.contains("Exception") || l.contains("Caused by")).toList();
            List<String> shown = errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 15), lines.size())
                    : errors.subList(Math.max(0, errors.size() - 15), errors.size());
            out.append("; its log ").append(errors.isEmpty() ? "ends" : "says").append(":");
            shown.forEach(l -> out.append("\n  ").append(l.length() > 400 ? l.substring(0, 400) + " …" : l));
        } catch (IOException e) {
            out.append("; its log ").append(log).append(" could not be read: ").append(e.getMessage());
        }
        return out.toString();
    }

    /**
     * Waits until the process {@code name} answers 200 on {@code base + "/q/health/ready"}. Fails with the end of its log
     * ({@link #exited}) as soon as the process is gone, and after {@code timeout} if it is still not ready.
     */
    public static void awaitReady(String name, Process process, String base, Path log, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(exited(name, process, log));
            }
            try {
                HttpURLConnection http = (HttpURLConnection) URI.create(base + "/q/health/ready").toURL().openConnection();
                http.setConnectTimeout(1000);
                http.setReadTimeout(5000);
                if (http.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready within " + timeout);
    }
}
