package cn.fpjc.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An RS256 key pair for signing the demo's tokens, generated once into a local directory and
 * reused afterwards. Production reads its keys from configuration instead; nothing here is committed.
 */
public final class LocalKeys {
    public static final String PRIVATE_KEY = "jwt-private.pem";
    public static final String PUBLIC_KEY = "jwt-public.pem";
    /** SM4 key (16 bytes, base64) that encrypts ID numbers at rest. */
    public static final String ID_ENCRYPTION_KEY = "id-sm4.key";
    /** HMAC-SM3 key (32 bytes, base64) for exact ID lookup. */
    public static final String ID_HASH_KEY = "id-hmac.key";

    private LocalKeys() {
    }

    /** Creates the token key pair and the ID-number keys in {@code dir}, each unless it exists already. */
    public static void ensure(Path dir) throws Exception {
        Files.createDirectories(dir);
        ensureSecret(dir.resolve(ID_ENCRYPTION_KEY), 16);
        ensureSecret(dir.resolve(ID_HASH_KEY), 32);
        Path priv = dir.resolve(PRIVATE_KEY);
        Path pub = dir.resolve(PUBLIC_KEY);
        if (Files.exists(priv) && Files.exists(pub)) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        EmbeddedCredentials.writeOwnerOnly(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void ensureSecret(Path file, int bytes) throws Exception {
        if (Files.exists(file)) {
            return;
        }
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        EmbeddedCredentials.writeOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
