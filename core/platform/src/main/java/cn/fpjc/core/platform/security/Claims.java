package cn.fpjc.core.platform.security;

/** Names of the application claims in our JWTs (besides upn, groups, exp, iss). */
public final class Claims {
    /** County tenant code (6 digits); absent for platform and province users. */
    public static final String TENANT = "tenant";
    /** Province plug-in id the user belongs to; absent for platform admins. */
    public static final String PROVINCE = "province";
    /** The user's org unit: the county code, or a 12-digit township / village code. */
    public static final String ORG = "org";
    /** Display name, for the UI. */
    public static final String NAME = "name";
    /** The account's session version when the token was issued; a lock, disable or password change raises it (revokes). */
    public static final String SESSION_VERSION = "sv";

    private Claims() {
    }
}
