package cn.fpjc.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A server an earlier run left behind (the app was killed with -9; its MariaDB child lives on and holds the data
 * files). Found through the pid file mysqld writes in the data directory, and stopped only if that pid really is a
 * mysqld/mariadbd on this data directory: a pid reused by an unrelated process is left alone.
 */
final class OrphanedServer {
    private static final Logger LOG = Logger.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    static void stopIfRunning(Path dataDir, Path pidFile) throws Exception {
        Optional<ProcessHandle> found = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (found.isEmpty()) {
            return;
        }
        ProcessHandle orphan = found.get();
        if (!isServerOn(orphan.pid(), dataDir)) {
            LOG.infof("Pid file %s names process %d, which is not a MariaDB server on this data directory: left alone",
                    pidFile, orphan.pid());
            return;
        }
        LOG.warnf("Stopping the embedded MariaDB (pid %d) that an earlier run left running on %s", orphan.pid(), dataDir);
        orphan.destroy(); // SIGTERM: a clean InnoDB shutdown
        try {
            orphan.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            LOG.warnf("The orphaned MariaDB (pid %d) did not stop within 60 s: killing it", orphan.pid());
            orphan.destroyForcibly();
            orphan.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Reads /proc/PID/cmdline: the executable must be mysqld or mariadbd and its --datadir this directory. */
    static boolean isServerOn(long pid, Path dataDir) throws IOException {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        String[] args;
        try {
            args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
        } catch (IOException gone) {
            return false;
        }
        if (args.length == 0) {
            return false;
        }
        String executable = Path.of(args[0]).getFileName().toString();
        if (!executable.equals("mysqld") && !executable.equals("mariadbd")) {
            return false;
        }
        String ours = dataDir.toFile().getCanonicalPath();
        for (String arg : args) {
            if (arg.startsWith("--datadir=") && Path.of(arg.substring("--datadir=".length())).toFile().getCanonicalPath().equals(ours)) {
                return true;
            }
        }
        return false;
    }
}
