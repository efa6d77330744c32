package cn.fpjc.core.platform.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Recognises a unique-key violation anywhere in a failure's cause chain (SQLState 23000 with MySQL/MariaDB error 1062
 * "Duplicate entry … for key …", whether Hibernate threw it at an insert or at the commit's flush) and turns it into the
 * owning module's {@link ApiException} by constraint name ({@link UniqueKeyCodes}), or {@link PlatformError#DUPLICATE}.
 */
@ApplicationScoped
public class DuplicateKeys {
    private static final Logger LOG = Logger.getLogger(DuplicateKeys.class);
    private static final String DUPLICATE_STATE = "23000";
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_DUP_ENTRY_WITH_KEY_NAME = 1586;
    private static final String FOR_KEY = "for key '";

    private final Map<String, ErrorCode> codes = new HashMap<>();

    @Inject
    DuplicateKeys(Instance<UniqueKeyCodes> modules) {
        for (UniqueKeyCodes m : modules) {
            m.uniqueKeys().forEach((key, code) -> {
                ErrorCode before = codes.putIfAbsent(key, code);
                if (before != null && before != code) {
                    throw new IllegalStateException("Unique key " + key + " is mapped to both " + before.name() + " and " + code.name());
                }
            });
        }
    }

    /** The refusal a duplicate-key failure means, or empty when {@code failure} is something else. */
    public Optional<ApiException> refusal(Throwable failure) {
        return violatedKey(failure).map(key -> {
            // The message carries the duplicate value (personal data); log the key only.
            ErrorCode code = codes.get(key);
            if (code == null) {
                // No module declared this key: a double submission, or a bug (an id or tracking number generated twice).
                LOG.warnf("Unique key %s, declared by no module, refused a write; answered %s", key.isEmpty() ? "(unnamed)" : key,
                        PlatformError.DUPLICATE.name());
                return new ApiException(PlatformError.DUPLICATE);
            }
            LOG.debugf("Unique key %s refused a write", key);
            return new ApiException(code);
        });
    }

    /**
     * The name of the unique key a failure violated ("" when the driver did not name it), or empty. MySQL 8 names it
     * {@code table.key}, MariaDB {@code key}: the table is dropped.
     */
    static Optional<String> violatedKey(Throwable failure) {
        return DatabaseRefusals.find(failure, s -> DUPLICATE_STATE.equals(s.getSQLState())
                && (s.getErrorCode() == ER_DUP_ENTRY || s.getErrorCode() == ER_DUP_ENTRY_WITH_KEY_NAME)).map(s -> {
                    String m = s.getMessage() == null ? "" : s.getMessage();
                    int at = m.lastIndexOf(FOR_KEY);
                    int end = at < 0 ? -1 : m.indexOf('\'', at + FOR_KEY.length());
                    String key = end < 0 ? "" : m.substring(at + FOR_KEY.length(), end);
                    return key.substring(key.lastIndexOf('.') + 1);
                });
    }
}
