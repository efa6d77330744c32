package cn.fpjc.core.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {
    static Throwable wrapped(SQLException e) {
        return new RuntimeException("commit failed", new PersistenceException("could not execute statement", e));
    }

    @Test
    void theKeyIsReadFromMariaDbAndMySqlMessagesAlike() {
        assertEquals(Optional.of("uk_household_no"), DuplicateKeys.violatedKey(wrapped(new SQLIntegrityConstraintViolationException(
                "(conn=12) Duplicate entry 'HN1' for key 'uk_household_no'", "23000", 1062))));
        assertEquals(Optional.of("uk_household_no"), DuplicateKeys.violatedKey(wrapped(new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'x for key 'y' for key 'household.uk_household_no'", "23000", 1062))));
    }

    @Test
    void otherIntegrityFailuresAreNotDuplicates() {
        assertEquals(Optional.empty(), DuplicateKeys.violatedKey(wrapped(new SQLIntegrityConstraintViolationException(
                "Column 'name' cannot be null", "23000", 1048))));
        assertEquals(Optional.empty(), DuplicateKeys.violatedKey(wrapped(new SQLException("Deadlock found", "40001", 1213))));
        assertEquals(Optional.empty(), DuplicateKeys.violatedKey(new IllegalStateException("no cause")));
    }
}
