package cn.fpjc.core.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a household's income for a statistics period may still change. The monitoring workflow locks the incomes
 * a risk elimination was judged on; the registry asks through this interface so that it does not depend on monitoring.
 */
public interface IncomeLocks {
    /** Why the income of the period starting {@code periodFrom} is locked, if it is. */
    Optional<String> lockedBecause(long householdId, LocalDate periodFrom);

    /**
     * The same rule for set-based writers (the import): an SQL condition, TRUE when the income of the household whose id
     * is {@code householdIdColumn} for the period starting at {@code periodFromExpression} is locked.
     */
    String lockedCondition(String householdIdColumn, String periodFromExpression);

    /** What the import reports for a row refused by {@link #lockedCondition}. */
    String lockedMessage();
}
