package cn.fpjc.core.platform.security;

/**
 * Org-unit scope arithmetic on statistical division codes: a county (6 digits) covers every unit
 * whose code starts with it; a township (12 digits ending in 000) covers the units sharing its
 * first 9 digits; a village covers only itself.
 */
public final class OrgScope {
    private OrgScope() {
    }

    public static boolean isCounty(String code) {
        return code != null && code.length() == 6;
    }

    public static boolean isTownship(String code) {
        return code != null && code.length() == 12 && code.endsWith("000") && !code.substring(6, 9).equals("000");
    }

    public static boolean isVillage(String code) {
        return code != null && code.length() == 12 && !code.endsWith("000") && !code.substring(6, 9).equals("000");
    }

    /** The township a village belongs to (its first 9 digits + 000). */
    public static String townshipOf(String villageCode) {
        return villageCode.substring(0, 9) + "000";
    }

    /** Whether a user whose org unit is {@code userOrg} may see the unit {@code unitCode}. */
    public static boolean covers(String userOrg, String unitCode) {
        if (userOrg == null || unitCode == null) {
            return false;
        }
        if (isCounty(userOrg)) {
            return unitCode.startsWith(userOrg);
        }
        if (isTownship(userOrg)) {
            return unitCode.length() == 12 && unitCode.startsWith(userOrg.substring(0, 9));
        }
        return userOrg.equals(unitCode);
    }

    /** The SQL LIKE prefix that selects every unit the user may see. */
    public static String likePrefix(String userOrg) {
        if (isCounty(userOrg)) {
            return userOrg + "%";
        }
        if (isTownship(userOrg)) {
            return userOrg.substring(0, 9) + "%";
        }
        return userOrg;
    }
}
