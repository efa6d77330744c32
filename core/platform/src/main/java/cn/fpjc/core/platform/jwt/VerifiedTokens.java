package cn.fpjc.core.platform.jwt;

import cn.fpjc.core.platform.clock.AppClock;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies each bearer token's RS256 signature once, not on every request: a profile of a county endpoint under load
 * (infra/bench/run.sh) spent about a quarter of the request CPU in the RSA check. A token that verified is remembered
 * under its exact text until its {@code exp} by the machine's clock (the clock the verifier judges expiry by); a token
 * that fails is never remembered, so a forged or altered token is always checked in full. Logouts and locked accounts
 * are unaffected: {@code RevokedSessionCheck} still runs on every request. A remembered verification serves only the
 * same verification context (keys, issuer, audience) it was made with; any other context checks the token in full.
 * At most {@link #CAPACITY} tokens are kept. (A package of its own: security and tenancy sit below the clock.)
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {
    static final int CAPACITY = 20_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    @Inject
    AppClock clock;

    record Verified(JWTCallerPrincipal principal, long expiresAtSecond, JWTAuthContextInfo context) {
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        long now = clock.machineNow().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && now < known.expiresAtSecond() && known.context() == authContextInfo) {
            hits.incrementAndGet();
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        long expiresAt = principal.getExpirationTime();
        if (expiresAt > now) {
            if (verified.size() >= CAPACITY) {
                verified.values().removeIf(v -> v.expiresAtSecond() <= now);
                if (verified.size() >= CAPACITY) {
                    verified.clear(); // only costs one more signature check per live token
                }
            }
            verified.put(token, new Verified(principal, expiresAt, authContextInfo));
        }
        return principal;
    }

    /** How many requests were served by a remembered verification since start. */
    public long hits() {
        return hits.get();
    }

    /** How many verified tokens are remembered now. */
    public int size() {
        return verified.size();
    }
}
