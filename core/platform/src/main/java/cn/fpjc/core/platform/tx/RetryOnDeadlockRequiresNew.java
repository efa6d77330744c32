package cn.fpjc.core.platform.tx;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

/** {@link RetryOnDeadlockRequired} for {@code @Transactional(REQUIRES_NEW)}, which always begins its own transaction. */
@Transactional(Transactional.TxType.REQUIRES_NEW)
@Interceptor
@Priority(RetryOnDeadlockRequired.PRIORITY)
public class RetryOnDeadlockRequiresNew {
    @Inject
    DeadlockRetry retry;

    @AroundInvoke
    Object retryWholeTransaction(InvocationContext ctx) throws Exception {
        return retry.call(RetryOnDeadlockRequired.where(ctx), ctx::proceed);
    }
}
