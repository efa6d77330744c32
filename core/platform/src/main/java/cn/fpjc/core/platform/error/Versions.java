package cn.fpjc.core.platform.error;

import java.util.List;

/**
 * Optimistic locking of every edit: the client sends back the {@code version} it read. A missing version is refused
 * (VALIDATION_FAILED naming {@code version}) rather than taken as "overwrite whatever is there"; a different one is
 * CONCURRENT_UPDATE. Creating a record needs no version.
 */
public final class Versions {
    private Versions() {
    }

    public static void check(long current, Long expected) {
        if (expected == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null,
                    List.of(new ErrorBody.FieldError("version", "请提供读取时的版本号（version），以免覆盖他人的修改")));
        }
        if (expected != current) {
            throw new ApiException(PlatformError.CONCURRENT_UPDATE);
        }
    }
}
