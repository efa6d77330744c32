package cn.fpjc.core.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrgScopeTest {
    static final String COUNTY = "620621";
    static final String TOWNSHIP = "620621100000";
    static final String VILLAGE = "620621100201";
    static final String OTHER_TOWNSHIP = "620621101000";
    static final String OTHER_VILLAGE = "620621101201";

    @Test
    void levelsAreReadFromTheCode() {
        assertTrue(OrgScope.isCounty(COUNTY));
        assertTrue(OrgScope.isTownship(TOWNSHIP));
        assertFalse(OrgScope.isTownship(VILLAGE));
        assertTrue(OrgScope.isVillage(VILLAGE));
        assertFalse(OrgScope.isVillage(TOWNSHIP));
        assertFalse(OrgScope.isTownship("620621000000"), "000 in the township digits is the county itself");
        assertEquals(TOWNSHIP, OrgScope.townshipOf(VILLAGE));
    }

    @Test
    void aCountyCoversEverythingBelowIt() {
        assertTrue(OrgScope.covers(COUNTY, TOWNSHIP));
        assertTrue(OrgScope.covers(COUNTY, OTHER_VILLAGE));
        assertFalse(OrgScope.covers(COUNTY, "410225100000"));
    }

    @Test
    void aTownshipCoversItsVillagesOnly() {
        assertTrue(OrgScope.covers(TOWNSHIP, TOWNSHIP));
        assertTrue(OrgScope.covers(TOWNSHIP, VILLAGE));
        assertFalse(OrgScope.covers(TOWNSHIP, OTHER_TOWNSHIP));
        assertFalse(OrgScope.covers(TOWNSHIP, OTHER_VILLAGE));
        assertFalse(OrgScope.covers(TOWNSHIP, COUNTY));
    }

    @Test
    void aVillageCoversOnlyItself() {
        assertTrue(OrgScope.covers(VILLAGE, VILLAGE));
        assertFalse(OrgScope.covers(VILLAGE, TOWNSHIP));
        assertFalse(OrgScope.covers(VILLAGE, "620621100202"));
        assertFalse(OrgScope.covers(null, VILLAGE));
    }

    @Test
    void likePrefixMatchesCovers() {
        assertEquals("620621%", OrgScope.likePrefix(COUNTY));
        assertEquals("620621100%", OrgScope.likePrefix(TOWNSHIP));
        assertEquals(VILLAGE, OrgScope.likePrefix(VILLAGE));
    }
}
