package cn.fpjc.admin.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins for names that have no account, counted like a real account's (same threshold, same lock), so that the
 * answers cannot tell the two apart. Kept in memory: nothing is protected by it except that sameness, so a restart or
 * a second replica (each counts its own) only changes which try answers 423, and a flood of invented names cannot
 * fill the heap (bounded; expired entries go first).
 */
@ApplicationScoped
public class UnknownNameLockout {
    static final int MAX_NAMES = 10_000;

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    private final Map<String, Failures> names = new ConcurrentHashMap<>();

    @Inject
    SecurityConfig config;

    /** Records a failure; returns the lock's end when this name is (now) locked, else null. */
    Instant fail(String username, Instant now) {
        if (names.size() >= MAX_NAMES) {
            names.values().removeIf(f -> f.last().plus(config.lockDuration()).isBefore(now));
            if (names.size() >= MAX_NAMES) {
                names.clear();
            }
        }
        // The control database compares usernames case-insensitively (utf8mb4_unicode_ci): count them the same way.
        Failures after = names.compute(username.toLowerCase(Locale.ROOT), (name, f) -> {
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
                return f;
            }
            int count = (f == null || f.lockedUntil() != null ? 0 : f.count()) + 1;
            return count >= config.maxFailedLogins() ? new Failures(0, now.plus(config.lockDuration()), now) : new Failures(count, null, now);
        });
        return after.lockedUntil();
    }
}
