package cn.fpjc.core.platform.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last line behind the input checks: a value the database refuses for its column (too long, out of range, not a
 * valid date) is the caller's input, so it becomes 400 VALIDATION_FAILED naming the field (the column in camelCase),
 * never a 500. The checks in front (field rules, {@code JsonInputLimits}) give the more precise message first.
 */
final class ColumnRefusals {
    private static final Map<Integer, String> MESSAGES = Map.of(
            1406, "内容过长，超出了可保存的长度", // ER_DATA_TOO_LONG
            1264, "数值超出可保存的范围", // ER_WARN_DATA_OUT_OF_RANGE
            1265, "内容超出了可保存的范围", // WARN_DATA_TRUNCATED
            1292, "日期或数值不正确", // ER_TRUNCATED_WRONG_VALUE
            1366, "值的类型不正确"); // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
    private static final String FOR_COLUMN = "for column ";

    private ColumnRefusals() {
    }

    static Optional<ApiException> refusal(Throwable failure) {
        return DatabaseRefusals.find(failure, s -> MESSAGES.containsKey(s.getErrorCode()))
                .map(s -> new ApiException(PlatformError.VALIDATION_FAILED, null,
                        List.of(new ErrorBody.FieldError(field(s.getMessage()), MESSAGES.get(s.getErrorCode())))));
    }

    /** "… for column 'after_json' at row 1" or "… for column `db`.`t`.`valid_from` …" → "afterJson" / "validFrom". */
    static String field(String message) {
        int at = message == null ? -1 : message.indexOf(FOR_COLUMN);
        if (at < 0) {
            return "body";
        }
        String rest = message.substring(at + FOR_COLUMN.length());
        int end = rest.indexOf(' ');
        String quoted = end < 0 ? rest : rest.substring(0, end);
        String column = quoted.substring(quoted.lastIndexOf('.') + 1).replace("`", "").replace("'", "");
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.isEmpty() ? "body" : camel.toString();
    }
}
