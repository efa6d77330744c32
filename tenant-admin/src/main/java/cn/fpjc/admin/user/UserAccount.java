package cn.fpjc.admin.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** A person who logs in: platform, province, or county staff with an org unit. */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    /** Comma-separated role names (see core's Roles). */
    @Column(nullable = false)
    public String roles;

    @Column(name = "province_id", length = 32)
    public String provinceId;

    @Column(name = "tenant_code", length = 6)
    public String tenantCode;

    @Column(name = "org_code", length = 12)
    public String orgCode;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** Raised when the account's tokens must stop working (lock, disable, password change); tokens carry it as "sv". */
    @Column(name = "session_version", nullable = false)
    public int sessionVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    public static Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
