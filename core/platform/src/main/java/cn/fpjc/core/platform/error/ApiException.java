package cn.fpjc.core.platform.error;

import java.util.List;

/** An error meant for the caller: a stable code, a Chinese message and optional field details. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String detail;
    private final List<ErrorBody.FieldError> fieldErrors;

    public ApiException(ErrorCode code) {
        this(code, null);
    }

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<ErrorBody.FieldError> fieldErrors) {
        super(code.name() + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.detail = detail;
        this.fieldErrors = fieldErrors;
    }

    /** Refuses the request with VALIDATION_FAILED when any field was found wrong; nothing is stored before this. */
    public static void refuseIfAny(List<ErrorBody.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.copyOf(errors));
        }
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<ErrorBody.FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The message a person reads: the code's Chinese text, then the specific detail if any. */
    public String humanMessage() {
        return detail == null ? code.message() : code.message() + "：" + detail;
    }

    public ErrorBody toBody() {
        return new ErrorBody(code.name(), humanMessage(), code.status(), fieldErrors);
    }
}
