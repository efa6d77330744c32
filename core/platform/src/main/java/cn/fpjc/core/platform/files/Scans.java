package cn.fpjc.core.platform.files;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.PlatformError;
import java.util.Base64;
import java.util.List;

/**
 * Scanned documents sent as base64 (a visit's attachment, a step's evidence, a payment's voucher): JPEG, PNG or PDF by
 * their first bytes, at most 5 MB. Kept here so that every module checks them alike without reading another module.
 */
public final class Scans {
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A checked scan: the name shown (at most 200 characters, its end kept), the type its bytes say, the bytes. */
    public record Scan(String name, String type, byte[] bytes) {
    }

    private Scans() {
    }

    /** The scan, or null when none was sent; an unreadable, unknown or oversized one adds {@code field}'s error. */
    public static Scan read(String base64, String name, String field, List<FieldError> errors) {
        return read(base64, name, field, errors, PlatformError.SCAN_INVALID);
    }

    /** As {@link #read(String, String, String, List)}, the refusal worded by the caller's own code (monitoring keeps its message). */
    public static Scan read(String base64, String name, String field, List<FieldError> errors, ErrorCode refusal) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        String type = bytes == null ? null : sniff(bytes);
        if (type == null || bytes.length > MAX_BYTES) {
            errors.add(new FieldError(field, refusal.message()));
            return null;
        }
        String shown = name == null || name.isBlank() ? "附件" : name.strip();
        return new Scan(shown.length() > 200 ? shown.substring(shown.length() - 200) : shown, type, bytes);
    }

    /** JPEG, PNG or PDF by their first bytes; anything else is refused. */
    public static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }
}
