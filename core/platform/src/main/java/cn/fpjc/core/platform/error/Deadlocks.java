package cn.fpjc.core.platform.error;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure is a transaction the database rolled back so that it may be run again: an InnoDB deadlock, and on
 * a Galera cluster a certification conflict with a write committed first on another node, which MariaDB reports the
 * same way (error 1213, SQLState 40001). Hibernate, Agroal and Narayana wrap the driver's exception as a cause or, at
 * commit, as a suppressed exception of the RollbackException, so both are searched.
 */
public final class Deadlocks {
    /** ER_LOCK_DEADLOCK: "Deadlock found when trying to get lock; try restarting transaction". */
    public static final int ER_LOCK_DEADLOCK = 1213;
    /** Serialization failure: the transaction was rolled back and can be retried as a whole. */
    public static final String SERIALIZATION_FAILURE = "40001";

    private Deadlocks() {
    }

    public static boolean isDeadlock(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == ER_LOCK_DEADLOCK || SERIALIZATION_FAILURE.equals(s.getSQLState()))) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.add(s.getNextException());
            }
        }
        return false;
    }
}
