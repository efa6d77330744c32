package cn.fpjc.app.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * Every import test again with rows staged by multi-row INSERTs, as where the server has {@code local_infile} off or the
 * operator set {@code fpjc.import.bulk-load=false}: the same files give the same reports and the same registry. (Own
 * profile, so Quarkus restarts for this class.)
 */
@QuarkusTest
@TestProfile(RegistryImportInsertStagingTest.InsertStaging.class)
class RegistryImportInsertStagingTest extends RegistryImportTest {
    public static class InsertStaging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fpjc.import.bulk-load", "false");
        }
    }

    @Override
    boolean bulkLoad() {
        return false;
    }
}
