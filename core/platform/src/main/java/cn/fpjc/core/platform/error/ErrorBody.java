package cn.fpjc.core.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON shape of every error response: {"code": "...", "message": "...", "status": 400, "fields": [...]}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String code, String message, int status, List<FieldError> fields) {

    public record FieldError(String field, String message) {
    }

    public static ErrorBody of(ErrorCode code) {
        return new ErrorBody(code.name(), code.message(), code.status(), List.of());
    }
}
