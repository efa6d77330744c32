package cn.fpjc.core.platform.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the database refused, as the caller's error rather than a 500: a unique key ({@link DuplicateKeys}, the owning
 * module's 409) or a value its column cannot hold ({@link ColumnRefusals}, 400 naming the field). One answer for the API's
 * exception mappers and the pages' forms alike.
 */
@ApplicationScoped
public class DatabaseRefusals {
    @Inject
    DuplicateKeys duplicateKeys;

    /** The refusal a failure means, or empty when the database did not refuse anything in it. */
    public Optional<ApiException> refusal(Throwable failure) {
        return duplicateKeys.refusal(failure).or(() -> ColumnRefusals.refusal(failure));
    }

    /** The first SQLException in a failure's cause chain (Hibernate and Narayana wrap it) that is {@code wanted}. */
    static Optional<SQLException> find(Throwable failure, Predicate<SQLException> wanted) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException s && wanted.test(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
