package cn.fpjc.admin.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/** bcrypt (at.favre.lib) with a configurable cost; hashes are self-describing, so raising the cost later is safe. */
@ApplicationScoped
public class PasswordHasher {
    @Inject
    SecurityConfig config;

    private volatile String dummyHash;

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(config.bcryptCost(), password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so a missing username is not revealed by timing. */
    public void verifyAgainstDummy(String password) {
        if (dummyHash == null) {
            dummyHash = hash("not-a-real-password");
        }
        verify(password, dummyHash);
    }
}
