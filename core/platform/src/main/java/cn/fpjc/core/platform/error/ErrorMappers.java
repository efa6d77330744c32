package cn.fpjc.core.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@link ErrorBody} JSON; a unique-key violation becomes the owning module's 409
 * ({@link DuplicateKeys}). Unexpected exceptions are logged with their
 * class only at ERROR (the stack goes to DEBUG) so personal data in exception messages stays out
 * of the default log.
 */
public class ErrorMappers {
    /** The cookie the web UI keeps its token in (also configured as mp.jwt.token.cookie). */
    public static final String SESSION_COOKIE = "fpjc_token";
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    DatabaseRefusals databaseRefusals;

    public static Response response(ErrorBody body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return response(e.toBody());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return isPage(uri) ? toLoginPage() : response(ErrorBody.of(PlatformError.AUTH_REQUIRED));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return isPage(uri) ? toLoginPage() : response(ErrorBody.of(PlatformError.TOKEN_INVALID));
    }

    /** Everything outside /api and /q is a web page: a person without a valid login goes to the login page. */
    private static boolean isPage(UriInfo uri) {
        String path = uri.getPath();
        return !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    private static Response toLoginPage() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ErrorBody.of(PlatformError.FORBIDDEN));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<ErrorBody.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(ErrorBody.FieldError::field))
                .toList();
        return response(new ErrorBody(PlatformError.VALIDATION_FAILED.name(), PlatformError.VALIDATION_FAILED.message(), 400, fields));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(Exception e) {
        return response(ErrorBody.of(PlatformError.CONCURRENT_UPDATE));
    }

    /**
     * Not found — except that JAX-RS also answers "not found" when a query or path parameter does not convert to its type
     * ({@code ?year=abc}, {@code /households/abc}): that is the caller's input, so 400 naming the problem.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        if (e.getCause() != null && !(e.getCause() instanceof jakarta.ws.rs.WebApplicationException)) {
            return response(new ErrorBody(PlatformError.VALIDATION_FAILED.name(),
                    PlatformError.VALIDATION_FAILED.message() + "：网址中的参数格式不正确（应为数字、日期等），请检查后重试",
                    PlatformError.VALIDATION_FAILED.status(), java.util.List.of()));
        }
        return response(ErrorBody.of(PlatformError.NOT_FOUND));
    }

    /**
     * A JSON body of the wrong shape ({@code "wage":"abc"}, {@code 2024-02-30}, {@code []} for an object, a text or date
     * beyond the bounds of {@code JsonInputLimits}): 400 naming the JSON path, e.g. {@code incomes[0].wage}. Replaces
     * Quarkus' built-in mapper, which answers an empty 400 in production.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response jsonInput(MismatchedInputException e) {
        return response(jsonRefusal(e));
    }

    static ErrorBody jsonRefusal(JsonProcessingException e) {
        String field = "body";
        String message = "请求内容不是有效的JSON";
        if (e instanceof DatabindException d) {
            field = path(((JsonMappingException) d).getPath());
            message = "格式不正确";
        }
        if (e instanceof JsonInputLimits.Refused r) {
            message = r.reason();
        } else if (e instanceof MismatchedInputException m) {
            message = expected(m.getTargetType());
        }
        return new ErrorBody(PlatformError.VALIDATION_FAILED.name(), PlatformError.VALIDATION_FAILED.message(), 400,
                List.of(new ErrorBody.FieldError(field, message)));
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** What the field should have been, in words a clerk understands. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "格式不正确";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "格式不正确，应为数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "格式不正确，应为 true 或 false";
        }
        if (type == java.time.LocalDate.class) {
            return "日期不正确，应为存在的日期，格式如 2024-01-31";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "时间不正确，格式如 2024-01-31T08:00:00Z";
        }
        if (type.isEnum()) {
            return "不是可选的值";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "格式不正确，应为列表";
        }
        if (type == String.class) {
            return "格式不正确，应为文字";
        }
        return "格式不正确，应为JSON对象";
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' JSON reader wraps malformed JSON (and other databind failures) in a 400 WebApplicationException
            return response(jsonRefusal(json));
        }
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return response(ErrorBody.of(PlatformError.NOT_FOUND));
        }
        if (status == 401) {
            return response(ErrorBody.of(PlatformError.AUTH_REQUIRED));
        }
        if (status == 403) {
            return response(ErrorBody.of(PlatformError.FORBIDDEN));
        }
        if (status >= 400 && status < 500) {
            return response(new ErrorBody(PlatformError.BAD_REQUEST.name(), PlatformError.BAD_REQUEST.message(), status, List.of()));
        }
        return unexpected(e);
    }

    /**
     * A unique key refused the write (a race the database closed, at the insert or at the commit): the module's 409; a
     * value its column cannot hold: 400 ({@link DatabaseRefusals}).
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        java.util.Optional<ApiException> refused = databaseRefusals.refusal(e);
        if (refused.isPresent()) {
            return api(refused.get());
        }
        if (Deadlocks.isDeadlock(e)) {
            // A deadlock outside a retried transaction boundary: nothing was saved, and the caller may simply try again.
            return response(ErrorBody.of(PlatformError.DATABASE_BUSY));
        }
        LOG.errorf("Unhandled %s", e.getClass().getName());
        LOG.debug("Unhandled exception", e);
        return response(ErrorBody.of(PlatformError.INTERNAL_ERROR));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
