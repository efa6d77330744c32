package cn.fpjc.ui.common;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.DatabaseRefusals;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every form of the UI is answered: the write runs (in its service's own transaction) and returns where to go next
 * (post/redirect/get); a refusal shows the form again with the refusal's status, rendered in a fresh transaction
 * because the failed write's was rolled back. What the database refuses (a unique key: a race lost to another request;
 * a value too long for its column) is shown the same way, with a Chinese message, instead of an error page.
 */
public final class FormSubmit {
    private FormSubmit() {
    }

    public static Response submit(Supplier<String> write, Function<ApiException, TemplateInstance> again) {
        try {
            return Response.seeOther(URI.create(write.get())).build();
        } catch (RuntimeException e) {
            return again(refusal(e), again);
        }
    }

    /**
     * The refusal a failed write means to the person: the ApiException itself, or a unique key's refusal (a race lost to
     * another request) as the owning module's ApiException, or a value its column cannot hold as a refusal naming the
     * field; anything else is rethrown (a real error page).
     */
    public static ApiException refusal(RuntimeException failure) {
        if (failure instanceof ApiException e) {
            return e;
        }
        return Arc.container().instance(DatabaseRefusals.class).get().refusal(failure).orElseThrow(() -> failure);
    }

    private static Response again(ApiException e, Function<ApiException, TemplateInstance> again) {
        return Response.status(e.code().status()).entity(QuarkusTransaction.requiringNew().call(() -> again.apply(e))).build();
    }
}
