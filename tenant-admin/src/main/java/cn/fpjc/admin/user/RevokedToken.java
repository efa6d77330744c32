package cn.fpjc.admin.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token ended by logout, kept until the token would have expired anyway. */
@Entity
@Table(name = "revoked_token")
public class RevokedToken extends PanacheEntityBase {
    @Id
    @Column(length = 64)
    public String jti;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
