package cn.fpjc.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import liquibase.Scope;
import liquibase.ui.ConsoleUIService;
import liquibase.ui.UIService;
import org.jboss.logging.Logger;

/**
 * Keeps what libraries print for people out of the raw console. With JSON logs on (FPJC_LOG_JSON) a log collector reads
 * every stdout line as a JSON object; Liquibase prints its messages and an "UPDATE SUMMARY" table per changelog there
 * (31 tables at a start with five counties, more with every county), and a library may print anything else.
 * <ul>
 * <li>Always: Liquibase's messages to people go to the log, category {@code liquibase.ui} (at WARN, so the per-county
 * chatter stays out, as the tenant migrator intends). Set on Liquibase's root scope before Quarkus starts, so the control
 * database's migration and every county's use it (the scope manager is inherited by every later thread).
 * <li>With JSON logs: any other line printed to stdout becomes a log record of category {@code stdout}. The console log
 * handler keeps the real stdout: its class is initialised (and takes {@code System.out}) before the bridge is set.
 * </ul>
 */
final class ConsoleOutput {
    private ConsoleOutput() {
    }

    static void install() {
        UIService ui = Scope.getCurrentScope().getUI();
        if (ui instanceof ConsoleUIService console) {
            Logger log = Logger.getLogger("liquibase.ui");
            console.setOutputStream(new PrintStream(new LineLogger(log, Logger.Level.INFO, null), true, StandardCharsets.UTF_8));
            console.setErrorStream(new PrintStream(new LineLogger(log, Logger.Level.WARN, null), true, StandardCharsets.UTF_8));
        }
        if (jsonLogs()) {
            try {
                // The handler captures System.out when its class is initialised: make that the real stdout.
                Class.forName("org.jboss.logmanager.handlers.ConsoleHandler", true, ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException e) {
                return; // not the JBoss log manager: leave stdout alone rather than risk a loop
            }
            PrintStream real = System.out;
            System.setOut(new PrintStream(new LineLogger(Logger.getLogger("stdout"), Logger.Level.INFO, real), true, StandardCharsets.UTF_8));
        }
    }

    static boolean jsonLogs() {
        return "true".equalsIgnoreCase(System.getenv("FPJC_LOG_JSON")) || "true".equalsIgnoreCase(System.getenv("QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                || "true".equalsIgnoreCase(System.getProperty("quarkus.log.console.json.enabled"));
    }

    /** One log record per non-blank line; a line written while this thread is already logging goes to {@code passThrough}. */
    static final class LineLogger extends OutputStream {
        private static final ThreadLocal<Boolean> LOGGING = ThreadLocal.withInitial(() -> false);
        private final Logger log;
        private final Logger.Level level;
        private final PrintStream passThrough;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLogger(Logger log, Logger.Level level, PrintStream passThrough) {
            this.log = log;
            this.level = level;
            this.passThrough = passThrough;
        }

        @Override
        public synchronized void write(int b) {
            if (passThrough != null && LOGGING.get()) {
                passThrough.write(b);
            } else if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        /** A record is a whole line: a flush in the middle of one (PrintStream's autoflush, a Writer's chunk) waits for its end. */
        @Override
        public synchronized void flush() {
            if (passThrough != null && LOGGING.get()) {
                passThrough.flush();
            }
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
            line.reset();
            if (text.isBlank()) {
                return;
            }
            LOGGING.set(true);
            try {
                log.log(level, text);
            } finally {
                LOGGING.set(false);
            }
        }
    }
}
