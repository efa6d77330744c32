package cn.fpjc.core.platform.error;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;

/**
 * An endpoint that declares a body needs one: an empty body or a JSON {@code null} (which Jackson reads as no object)
 * is refused here with 400 naming {@code body}, for every endpoint at once, instead of reaching a resource that
 * dereferences it (a 500).
 */
@Provider
public class RequiredBody implements ReaderInterceptor {
    public static final String FIELD = "body";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw missing();
        }
        return body;
    }

    public static ApiException missing() {
        return new ApiException(PlatformError.VALIDATION_FAILED, null,
                List.of(new ErrorBody.FieldError(FIELD, "请求内容不能为空，应为JSON对象")));
    }
}
