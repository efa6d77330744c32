package cn.fpjc.admin.user;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.Claims;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Issues RS256 tokens carrying user, roles, tenant, province and org unit. */
@ApplicationScoped
public class TokenService {
    @Inject
    AppClock clock;

    @Inject
    SecurityConfig config;

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(UserAccount user) {
        // smallrye-jwt checks expiry against the machine's time, whatever date the app is set to.
        Instant expires = clock.machineNow().plus(config.tokenLifetime());
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .upn(user.username)
                .subject(user.username)
                .groups(user.roleSet())
                .claim(Claims.NAME, user.displayName)
                // jti names this token for logout; sv ties it to the account's current sessions (SessionRevocations).
                .claim(org.eclipse.microprofile.jwt.Claims.jti.name(), UUID.randomUUID().toString())
                .claim(Claims.SESSION_VERSION, user.sessionVersion)
                .expiresAt(expires);
        if (user.tenantCode != null) {
            claims.claim(Claims.TENANT, user.tenantCode);
        }
        if (user.provinceId != null) {
            claims.claim(Claims.PROVINCE, user.provinceId);
        }
        if (user.orgCode != null) {
            claims.claim(Claims.ORG, user.orgCode);
        }
        return new IssuedToken(claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(), expires);
    }
}
