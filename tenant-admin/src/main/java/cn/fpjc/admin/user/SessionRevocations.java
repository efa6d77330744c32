package cn.fpjc.admin.user;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.Claims;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which tokens no longer count, checked on every authenticated request without SQL: tokens ended by logout (by jti) and
 * every token of an account whose session version was raised (locked, password changed) or that is disabled. The
 * control database is the truth; this replica's view changes at once for what happens here and is reloaded from the
 * database every fpjc.tenancy.registry-refresh (10 s, like the tenant registry), so other replicas follow within that.
 */
@ApplicationScoped
public class SessionRevocations {
    /** An account whose tokens need checking: below this version, or all of them when disabled. */
    record AccountState(int version, boolean disabled) {
    }

    /** Raised after a commit that changed an account's session version (see {@link AuthService}). */
    public record AccountChanged(String username, int version, boolean disabled) {
    }

    private final Map<String, AccountState> accounts = new ConcurrentHashMap<>();
    private final Map<String, Instant> endedTokens = new ConcurrentHashMap<>();

    @Inject
    AppClock clock;

    /**
     * smallrye-jwt accepts a token up to this many seconds past its {@code exp} (clock skew between issuer and verifier), so
     * an ended token must stay ended that much longer, or it would work again for a minute after it expired.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    void onStart(@Observes @Priority(110) StartupEvent event) {
        reload();
    }

    /** True when the token was ended by logout, or its account was locked, disabled or changed its password since. */
    public boolean refuses(JsonWebToken token) {
        String jti = token.getTokenID();
        if (jti != null && endedTokens.containsKey(jti)) {
            return true;
        }
        AccountState account = accounts.get(token.getName());
        if (account == null) {
            return false;
        }
        return account.disabled() || versionOf(token) < account.version();
    }

    private static int versionOf(JsonWebToken token) {
        Object claim = token.getClaim(Claims.SESSION_VERSION);
        if (claim instanceof jakarta.json.JsonNumber n) {
            return n.intValue();
        }
        return claim instanceof Number n ? n.intValue() : 0; // tokens issued before versions existed count as 0
    }

    /** Logout: the token stops working here at once, on other replicas at their next reload. */
    public void end(JsonWebToken token) {
        if (token.getTokenID() == null || token.getName() == null) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        QuarkusTransaction.requiringNew().run(() -> {
            if (RevokedToken.findById(token.getTokenID()) == null) {
                RevokedToken row = new RevokedToken();
                row.jti = token.getTokenID();
                row.username = token.getName();
                row.expiresAt = expires;
                row.persist();
            }
        });
        endedTokens.put(token.getTokenID(), expires);
    }

    void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        accounts.merge(change.username(), new AccountState(change.version(), change.disabled()),
                (old, now) -> new AccountState(Math.max(old.version(), now.version()), now.disabled()));
    }

    @Scheduled(every = "${fpjc.tenancy.registry-refresh:10s}", delayed = "${fpjc.tenancy.registry-refresh:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        // Tokens are checked against the machine's time by smallrye-jwt: ones expired beyond its clock skew need no entry.
        Instant now = clock.machineNow().minusSeconds(clockSkewSeconds);
        Map<String, AccountState> fromDb = new HashMap<>();
        Map<String, Instant> ended = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            RevokedToken.delete("expiresAt < ?1", now);
            List<UserAccount> changed = UserAccount.list("sessionVersion > 0 or enabled = false");
            changed.forEach(u -> fromDb.put(u.username, new AccountState(u.sessionVersion, !u.enabled)));
            RevokedToken.<RevokedToken>streamAll().forEach(t -> ended.put(t.jti, t.expiresAt));
        });
        // Versions only rise: never lower one this replica raised after the read above. Disabled follows the database.
        fromDb.forEach((user, state) -> accountChanged(new AccountChanged(user, state.version(), state.disabled())));
        accounts.replaceAll((user, state) -> fromDb.containsKey(user) ? state : new AccountState(state.version(), false));
        endedTokens.putAll(ended);
        endedTokens.values().removeIf(expires -> expires.isBefore(now));
    }
}
