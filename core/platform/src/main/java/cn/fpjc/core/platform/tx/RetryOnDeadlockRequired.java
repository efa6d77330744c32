package cn.fpjc.core.platform.tx;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

/**
 * Every {@code @Transactional} (REQUIRED, the default) method that begins its transaction is run again when the
 * database rolls it back as a deadlock or Galera certification conflict ({@link DeadlockRetry}). Bound to
 * {@code @Transactional} itself, so no service needs another annotation, and placed outside Narayana's interceptor
 * (priority 200): each attempt is a whole new transaction, its commit included, where a conflict is reported on Galera.
 * A method that joins a caller's transaction is not retried here: the rolled-back transaction is the caller's, whose
 * own boundary retries it.
 */
@Transactional
@Interceptor
@Priority(RetryOnDeadlockRequired.PRIORITY)
public class RetryOnDeadlockRequired {
    /** Before Narayana's transaction interceptors (Interceptor.Priority.PLATFORM_BEFORE + 200). */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    @Inject
    DeadlockRetry retry;

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retryWholeTransaction(InvocationContext ctx) throws Exception {
        if (transactions.getTransaction() != null) {
            return ctx.proceed();
        }
        return retry.call(where(ctx), ctx::proceed);
    }

    static String where(InvocationContext ctx) {
        return ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName();
    }
}
