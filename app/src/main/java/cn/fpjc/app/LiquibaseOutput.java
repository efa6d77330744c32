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
 * Sends what Liquibase prints for people (its "UPDATE SUMMARY" per changelog, warnings of the server) to the log, category
 * {@code liquibase.ui}, instead of straight to stdout: with JSON logs on (FPJC_LOG_JSON) every stdout line must be a JSON
 * object, and with hundreds of counties the summaries would bury the log anyway (the category is at WARN). Installed on
 * Liquibase's root scope before Quarkus starts, so the control database's migration and every county's use it: the
 * scope manager is inherited by every thread started afterwards.
 */
final class LiquibaseOutput {
    private LiquibaseOutput() {
    }

    static void install() {
        UIService ui = Scope.getCurrentScope().getUI();
        if (ui instanceof ConsoleUIService console) {
            Logger log = Logger.getLogger("liquibase.ui");
            console.setOutputStream(new PrintStream(new LineLogger(log, Logger.Level.INFO), true, StandardCharsets.UTF_8));
            console.setErrorStream(new PrintStream(new LineLogger(log, Logger.Level.WARN), true, StandardCharsets.UTF_8));
        }
    }

    /** One log record per non-blank line. */
    static final class LineLogger extends OutputStream {
        private final Logger log;
        private final Logger.Level level;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLogger(Logger log, Logger.Level level) {
            this.log = log;
            this.level = level;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            flushLine();
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
            line.reset();
            if (!text.isBlank()) {
                log.log(level, text);
            }
        }
    }
}
