package cn.fpjc.admin.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "fpjc.security")
public interface SecurityConfig {
    /** bcrypt cost factor (2^cost rounds). 12 ≈ 0.25 s per check on a 2-core server. */
    @WithDefault("12")
    int bcryptCost();

    /** Failed logins in a row that lock the account. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("PT15M")
    Duration lockDuration();

    /** Lifetime of an issued token. */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    /** Issuer written into tokens and required when verifying them (mp.jwt.verify.issuer must match). */
    @WithDefault("fpjc")
    String issuer();
}
