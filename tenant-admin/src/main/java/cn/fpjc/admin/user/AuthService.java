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

    @Inject
    UnknownNameLockout unknownNames;

    @Inject
    jakarta.enterprise.event.Event<SessionRevocations.AccountChanged> accountChanged;

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
        // Real time: a date moved for a test or the demo must neither lift a lock nor stretch it.
        Instant now = clock.machineNow();
        if (user == null) {
            // An unknown name answers exactly like a real one, lock included, so answers do not reveal who has an account.
            hasher.verifyAgainstDummy(password);
            Instant lockedUntil = unknownNames.fail(username.strip(), now);
            throw lockedUntil == null ? new ApiException(AdminError.AUTH_FAILED) : locked(lockedUntil);
        }
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            throw locked(user.lockedUntil);
        }
        if (!hasher.verify(password, user.passwordHash)) {
            user.failedAttempts++;
            if (user.failedAttempts >= config.maxFailedLogins()) {
                user.failedAttempts = 0;
                user.lockedUntil = now.plus(config.lockDuration());
                // A lock also ends the account's current sessions: whoever is guessing may already hold one.
                user.sessionVersion++;
                accountChanged.fire(new SessionRevocations.AccountChanged(user.username, user.sessionVersion, !user.enabled));
                audit.record(user.username, "LOCK", "app_user", user.username, null, Map.of("lockedUntil", user.lockedUntil.toString()));
                LOG.infof("Account %s locked after %d failed logins", user.username, config.maxFailedLogins());
                throw locked(user.lockedUntil);
            }
            throw new ApiException(AdminError.AUTH_FAILED);
        }
        // Only after the password: "disabled" must not tell a guesser that the name exists.
        if (!user.enabled) {
            throw new ApiException(AdminError.ACCOUNT_DISABLED);
        }
        user.failedAttempts = 0;
        user.lockedUntil = null;
        return new LoggedIn(tokens.issue(user), user);
    }

    private static ApiException locked(Instant until) {
        return new ApiException(AdminError.ACCOUNT_LOCKED, "请于 " + CLOCK.format(until) + " 后重试");
    }
}
