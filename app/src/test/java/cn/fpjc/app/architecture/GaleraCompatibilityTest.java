package cn.fpjc.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a Galera cluster does not replicate or does not support, kept out of the product's code and changelogs
 * (infra/galera/README.md): explicit table locks, the global read lock, named locks, XA transactions and engines other
 * than InnoDB. GaleraFailoverIT proves the rest on a real cluster (every changelog applies, every table has a key).
 */
class GaleraCompatibilityTest {
    static final Map<String, Pattern> UNSUPPORTED = Map.of(
            "LOCK TABLES", Pattern.compile("\\b(UN)?LOCK\\s+TABLES?\\b", Pattern.CASE_INSENSITIVE),
            "FLUSH TABLES WITH READ LOCK", Pattern.compile("\\bFLUSH\\s+TABLES?\\s+WITH\\s+READ\\s+LOCK\\b", Pattern.CASE_INSENSITIVE),
            "GET_LOCK / RELEASE_LOCK", Pattern.compile("\\b(GET|RELEASE|IS_FREE|IS_USED)_LOCK\\s*\\(", Pattern.CASE_INSENSITIVE),
            "XA transactions", Pattern.compile("\\bXA\\s+(START|BEGIN|END|PREPARE|COMMIT|ROLLBACK|RECOVER)\\b"),
            "a non-InnoDB engine", Pattern.compile("\\bENGINE\\s*=\\s*(?!InnoDB\\b)\\w+", Pattern.CASE_INSENSITIVE));

    @Test
    void noStatementGaleraDoesNotReplicateIsInTheProduct() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("([\\w.-]+/)*src/main/.*\\.(java|xml|sql|yaml|yml|properties)"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
        assertTrue(files.size() > 100, "the product's sources were not found from " + root + ": " + files.size());
        assertTrue(files.stream().anyMatch(p -> p.endsWith(Path.of("db", "platform", "changelog.xml"))), "the changelogs are scanned");
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (UncheckedIOException | IOException binary) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                for (var rule : UNSUPPORTED.entrySet()) {
                    if (rule.getValue().matcher(lines.get(i)).find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + " " + rule.getKey() + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "not replicated or not supported by Galera");
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        assertTrue(UNSUPPORTED.get("LOCK TABLES").matcher("lock tables household write").find());
        assertTrue(UNSUPPORTED.get("GET_LOCK / RELEASE_LOCK").matcher("SELECT GET_LOCK('x', 10)").find());
        assertTrue(UNSUPPORTED.get("a non-InnoDB engine").matcher("CREATE TABLE t (id INT) ENGINE=MyISAM").find());
        assertTrue(!UNSUPPORTED.get("a non-InnoDB engine").matcher("CREATE TABLE t (id INT) ENGINE=InnoDB").find());
        assertTrue(!UNSUPPORTED.get("LOCK TABLES").matcher("SELECT id FROM app_user WHERE username = ?1 FOR UPDATE").find());
    }
}
