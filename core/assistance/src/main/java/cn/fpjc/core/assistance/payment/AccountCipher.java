package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.registry.PersonalDataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encrypts 一卡通 account numbers at rest through the registry's {@link PersonalDataCipher} (SM4-GCM, the same key and
 * envelope as ID numbers). The associated data {@code "household_account.account_no"} binds a ciphertext to this use, so
 * an encrypted ID number can never be decrypted as an account number or the other way round. Account numbers are
 * decrypted only for the bank file ({@link BankFiles#exportBatch}).
 */
@ApplicationScoped
public class AccountCipher {
    private static final byte[] AAD = "household_account.account_no".getBytes(StandardCharsets.US_ASCII);

    @Inject
    PersonalDataCipher cipher;

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
        return cipher.encrypt(account, AAD);
    }

    public String decrypt(byte[] stored) {
        return cipher.decrypt(stored, AAD, "account number");
    }
}
