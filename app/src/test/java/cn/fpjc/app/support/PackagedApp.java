package cn.fpjc.app.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged app (target/quarkus-app, built by {@code package} before failsafe runs) started as a process of its own,
 * as the integration tests run replicas of it side by side.
 */
public final class PackagedApp {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

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

    /** A port free on this machine now (the OS picks it). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
