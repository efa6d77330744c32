package cn.fpjc.core.platform.security;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller as the verified token describes it. Never trust anything else for tenant or scope. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public void requireAuthenticated() {
        if (!isAuthenticated()) {
            throw new ApiException(PlatformError.AUTH_REQUIRED);
        }
    }

    public String username() {
        return isAuthenticated() ? identity.getPrincipal().getName() : "anonymous";
    }

    public String displayName() {
        String name = claim(Claims.NAME);
        return name == null ? username() : name;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** Throws FORBIDDEN unless the caller has one of the roles. */
    public void requireAnyRole(String... roles) {
        requireAuthenticated();
        if (!hasAnyRole(roles)) {
            throw new ApiException(PlatformError.FORBIDDEN);
        }
    }

    public String tenant() {
        return claim(Claims.TENANT);
    }

    public String province() {
        return claim(Claims.PROVINCE);
    }

    public String orgCode() {
        return claim(Claims.ORG);
    }

    private String claim(String name) {
        if (!isAuthenticated()) {
            return null;
        }
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null ? null : value.toString();
    }
}
