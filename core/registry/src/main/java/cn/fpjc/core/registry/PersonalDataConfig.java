package cn.fpjc.core.registry;

import io.smallrye.config.ConfigMapping;

/**
 * Where the keys protecting ID numbers live. Each file holds one key, base64: 16 bytes for SM4, at least
 * 32 bytes for the HMAC-SM3 lookup hash. The demo generates both into data/keys; production points
 * FPJC_PERSONAL_DATA_ENCRYPTION_KEY_LOCATION and FPJC_PERSONAL_DATA_HASH_KEY_LOCATION at its own.
 */
@ConfigMapping(prefix = "fpjc.personal-data")
public interface PersonalDataConfig {
    /** File (path or file: URI) with the base64 SM4 key that encrypts ID numbers at rest. */
    String encryptionKeyLocation();

    /** File (path or file: URI) with the base64 HMAC key for exact ID lookup. Changing it breaks lookups. */
    String hashKeyLocation();
}
