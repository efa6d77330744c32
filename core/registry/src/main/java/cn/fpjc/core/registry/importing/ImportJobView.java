package cn.fpjc.core.registry.importing;

import java.time.Instant;

/** An import job as the API and the pages show it. Status and mode are English names; labels are Chinese. */
public record ImportJobView(long id, String fileName, String format, long fileSize, String fileSha256, String mode, String modeLabel,
        String status, String statusLabel, boolean running, boolean committable, int rowsRead, int rowsWithErrors, Integer percent,
        int households, int householdsNew, int householdsUnchanged, int householdsInvalid, int incomesToAdd, int householdsWritten,
        int membersWritten, String message, String createdBy, Instant createdAt, Instant validatedAt, Instant finishedAt,
        boolean reportAvailable) {

    /**
     * Whether the job's comparison with the registry is committed: its household counts are written with it (by a
     * validation, or a write that finished or was refused), and rolled back with a write that failed.
     */
    public boolean comparedWithRegistry() {
        return households > 0;
    }

    /** When it was uploaded, Beijing time, to the minute (for pages). */
    public String createdAtText() {
        return cn.fpjc.core.platform.web.Times.minute(createdAt);
    }

    /** What the user chose at upload (or later, on a validated job). */
    public enum Mode {
        VALIDATE_ONLY("仅校验，确认后再导入"),
        ALL_OR_NOTHING("全部无误才导入"),
        VALID_ONLY("只导入无误的户");

        public final String label;

        Mode(String label) {
            this.label = label;
        }

        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return m;
                }
            }
            return null;
        }
    }

    public enum Status {
        QUEUED("排队中", true),
        READING("读取并逐行校验", true),
        CHECKING("跨行及与系统数据比对", true),
        VALIDATED("校验完成，待确认导入", false),
        WRITING("写入中", true),
        DONE("已完成", false),
        REJECTED("有错误，未导入", false),
        FAILED("失败", false);

        public final String label;
        public final boolean running;

        Status(String label, boolean running) {
            this.label = label;
            this.running = running;
        }
    }
}
