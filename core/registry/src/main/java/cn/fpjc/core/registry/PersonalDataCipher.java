package cn.fpjc.core.registry;

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
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts ID numbers at rest with SM4-GCM (GB/T 32907, Bouncy Castle) and derives an HMAC-SM3 keyed hash
 * for exact lookup. Stored form: 1 version byte, 12-byte random nonce, ciphertext with 16-byte tag. The
 * hash is deterministic so an exact search is an index lookup; without the key it cannot be brute-forced
 * from the small space of valid ID numbers.
 */
@ApplicationScoped
public class PersonalDataCipher {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    @Inject
    PersonalDataConfig config;

    private final SecureRandom random = new SecureRandom();
    private byte[] encryptionKey;
    private byte[] hashKey;
    /*
     * Per thread, keyed once: GCM derives its GHASH tables from the key and HMAC its inner and outer states, which cost
     * more than an 18-character ID itself; an import encrypts and hashes every row. BouncyCastle re-initialises a keyed GCM
     * with a new nonce alone (key null) and resets an HMAC to its keyed state after each doFinal.
     */
    private final ThreadLocal<GCMModeCipher> gcms = ThreadLocal.withInitial(this::keyedGcm);
    private final ThreadLocal<HMac> macs = ThreadLocal.withInitial(this::keyedMac);

    @PostConstruct
    void loadKeys() {
        encryptionKey = readKey(config.encryptionKeyLocation(), "fpjc.personal-data.encryption-key-location");
        hashKey = readKey(config.hashKeyLocation(), "fpjc.personal-data.hash-key-location");
        if (encryptionKey.length != 16) {
            throw new IllegalStateException("fpjc.personal-data.encryption-key-location: an SM4 key is 16 bytes, got " + encryptionKey.length);
        }
        if (hashKey.length < 32) {
            throw new IllegalStateException("fpjc.personal-data.hash-key-location: the hash key needs at least 32 bytes, got " + hashKey.length);
        }
    }

    static byte[] readKey(String location, String property) {
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(property + ": cannot read a base64 key from " + location + " (" + e.getMessage() + ")", e);
        }
    }

    public byte[] encrypt(IdNumber id) {
        return encrypt(id.value(), null);
    }

    public IdNumber decrypt(byte[] stored) {
        return new IdNumber(decrypt(stored, null, "ID number"));
    }

    /**
     * Encrypts other personal text under the same key and envelope (e.g. 一卡通 account numbers). {@code associatedData}
     * binds a ciphertext to its use, so that one kind can never be decrypted as another; ID numbers use none.
     */
    public byte[] encrypt(String text, byte[] associatedData) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, nonce, associatedData);
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
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

    /** The text {@link #encrypt(String, byte[])} stored with the same associated data; {@code what} names it in errors. */
    public String decrypt(byte[] stored, byte[] associatedData, String what) {
        if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("not an encrypted " + what + " of version " + VERSION);
        }
        GCMModeCipher gcm = gcm(false, Arrays.copyOfRange(stored, 1, 1 + NONCE), associatedData);
        byte[] plain = new byte[gcm.getOutputSize(stored.length - 1 - NONCE)];
        int n = gcm.processBytes(stored, 1 + NONCE, stored.length - 1 - NONCE, plain, 0);
        try {
            gcm.doFinal(plain, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(what + " failed authentication (wrong key or tampered data)", e);
        }
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** HMAC-SM3 of the normalised number: 32 bytes, the same for the same number. */
    public byte[] lookupHash(IdNumber id) {
        HMac mac = macs.get();
        byte[] in = id.value().getBytes(StandardCharsets.US_ASCII);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private GCMModeCipher gcm(boolean encrypt, byte[] nonce, byte[] associatedData) {
        GCMModeCipher gcm = gcms.get();
        gcm.init(encrypt, new AEADParameters(null, TAG_BITS, nonce, associatedData));
        return gcm;
    }

    private GCMModeCipher keyedGcm() {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        gcm.init(false, new AEADParameters(new KeyParameter(encryptionKey), TAG_BITS, nonce));
        return gcm;
    }

    private HMac keyedMac() {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(hashKey));
        return mac;
    }

    /** For tests and key tooling: a cipher over given keys, outside CDI. */
    public static PersonalDataCipher of(byte[] encryptionKey, byte[] hashKey) {
        PersonalDataCipher c = new PersonalDataCipher();
        c.encryptionKey = encryptionKey.clone();
        c.hashKey = hashKey.clone();
        return c;
    }
}
