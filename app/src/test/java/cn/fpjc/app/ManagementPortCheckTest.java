package cn.fpjc.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start is refused for the one port pair that would hang it: one fixed, one random. */
class ManagementPortCheckTest {

    @Test
    void bothFixedOrBothRandomStart() {
        assertNull(ManagementPortCheck.problem(8080, 9000));
        assertNull(ManagementPortCheck.problem(0, 0));
    }

    @Test
    void oneFixedAndOneRandomIsRefusedNamingTheSetting() {
        String problem = ManagementPortCheck.problem(8080, 0);
        assertNotNull(problem);
        assertTrue(problem.contains("FPJC_MANAGEMENT_PORT"), problem);
        assertNotNull(ManagementPortCheck.problem(0, 9000));
    }
}
