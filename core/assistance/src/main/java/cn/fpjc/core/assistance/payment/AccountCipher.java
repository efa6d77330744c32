package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.registry.PersonalDataConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts 一卡通 account numbers at rest exactly as the registry's {@code PersonalDataCipher} encrypts ID numbers: SM4-GCM
 * under the same key ({@code fpjc.personal-data.encryption-key-location}), 1 version byte, 12-byte random nonce,
 * ciphertext with a 16-byte tag. The associated data {@code "household_account.account_no"} binds a ciphertext to
 * this use, so an encrypted ID number can never be decrypted as an account number or the other way round. Account
 * numbers are decrypted only for the bank file ({@link BankFiles#exportBatch}).
 */
@ApplicationScoped
public class AccountCipher {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "household_account.account_no".getBytes(StandardCharsets.US_ASCII);

    @Inject
    PersonalDataConfig config;

    private final SecureRandom random = new SecureRandom();
    private byte[] key;

    @PostConstruct
    void loadKey() {
        String location = config.encryptionKeyLocation();
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            key = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("fpjc.personal-data.encryption-key-location: cannot read a base64 key from " + location, e);
        }
        if (key.length != 16) {
            throw new IllegalStateException("fpjc.personal-data.encryption-key-location: an SM4 key is 16 bytes, got " + key.length);
        }
    }

    /** Digits only, 8—32 of them, after removing spaces and hyphens; empty when {@code raw} is not an account number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.replaceAll("[\\s-]", "");
        return v.matches("\\d{8,32}") ? Optional.of(v) : Optional.empty();
    }

    /** The form shown everywhere but the bank file: the first 4 and last 4 digits, the rest as *. */
    public static String mask(String account) {
        return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
    }

    public byte[] encrypt(String account) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, nonce);
        byte[] plain = account.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[1 + NONCE + gcm.getOutputSize(plain.length)];
        out[0] = VERSION;
        System.arraycopy(nonce, 0, out, 1, NONCE);
        int n = gcm.processBytes(plain, 0, plain.length, out, 1 + NONCE);
        try {
            gcm.doFinal(out, 1 + NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        return out;
    }

    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("not an encrypted account number of version " + VERSION);
        }
        GCMModeCipher gcm = gcm(false, Arrays.copyOfRange(stored, 1, 1 + NONCE));
        byte[] plain = new byte[gcm.getOutputSize(stored.length - 1 - NONCE)];
        int n = gcm.processBytes(stored, 1 + NONCE, stored.length - 1 - NONCE, plain, 0);
        try {
            gcm.doFinal(plain, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("account number failed authentication (wrong key or tampered data)", e);
        }
        return new String(plain, StandardCharsets.US_ASCII);
    }

    private GCMModeCipher gcm(boolean encrypt, byte[] nonce) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, AAD));
        return gcm;
    }
}
