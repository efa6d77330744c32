package cn.fpjc.admin.user;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.admin.error.AdminError;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.core.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jboss.logging.Logger;

/** Password login with lockout after repeated failures. */
@ApplicationScoped
public class AuthService {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(AuthService.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    @Inject
    SecurityConfig config;

    @Inject
    PlatformAudit audit;

    public record LoggedIn(TokenService.IssuedToken token, UserAccount user) {
    }

    /**
     * Checks the password and issues a token. The failure counter is committed even though the
     * call ends in an error, hence dontRollbackOn.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public LoggedIn login(String username, String password) {
        if (username == null || password == null || username.isBlank()) {
            throw new ApiException(AdminError.AUTH_FAILED);
        }
        // Lock the row (plain FOR UPDATE, portable to MariaDB) so concurrent failures are all counted.
        UserAccount.getEntityManager().createNativeQuery("SELECT id FROM app_user WHERE username = ?1 FOR UPDATE")
                .setParameter(1, username.strip()).getResultList();
        UserAccount user = UserAccount.findByUsername(username.strip()).orElse(null);
        if (user == null) {
            hasher.verifyAgainstDummy(password);
            throw new ApiException(AdminError.AUTH_FAILED);
        }
        // Real time: a date moved for a test or the demo must neither lift a lock nor stretch it.
        Instant now = clock.machineNow();
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            throw locked(user);
        }
        if (!user.enabled) {
            throw new ApiException(AdminError.ACCOUNT_DISABLED);
        }
        if (!hasher.verify(password, user.passwordHash)) {
            user.failedAttempts++;
            if (user.failedAttempts >= config.maxFailedLogins()) {
                user.failedAttempts = 0;
                user.lockedUntil = now.plus(config.lockDuration());
                audit.record(user.username, "LOCK", "app_user", user.username, null, Map.of("lockedUntil", user.lockedUntil.toString()));
                LOG.infof("Account %s locked after %d failed logins", user.username, config.maxFailedLogins());
                throw locked(user);
            }
            throw new ApiException(AdminError.AUTH_FAILED);
        }
        user.failedAttempts = 0;
        user.lockedUntil = null;
        return new LoggedIn(tokens.issue(user), user);
    }

    private static ApiException locked(UserAccount user) {
        return new ApiException(AdminError.ACCOUNT_LOCKED, "请于 " + CLOCK.format(user.lockedUntil) + " 后重试");
    }
}
