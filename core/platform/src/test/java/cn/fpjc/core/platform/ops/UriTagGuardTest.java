package cn.fpjc.core.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UriTagGuardTest {
    @Test
    void routeTemplatesAndFoldedValuesPass() {
        assertEquals("/api/counties/{county}/households/{id}", UriTagGuard.guard("/api/counties/{county}/households/{id}"));
        assertEquals("/webjars/*", UriTagGuard.guard("/webjars/*"));
        assertEquals("NOT_FOUND", UriTagGuard.guard("NOT_FOUND"));
    }

    @Test
    void rawPathsWithCodesOrNumbersAreFolded() {
        assertEquals(UriTagGuard.UNMATCHED, UriTagGuard.guard("/api/counties/410225/households"));
        assertEquals(UriTagGuard.UNMATCHED, UriTagGuard.guard("/households/12/members"));
        assertEquals(UriTagGuard.UNMATCHED, UriTagGuard.guard("/x/62062119800101123X"));
    }
}
