package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of the monitoring workflow: clues, cases, plans, elimination, visits, the public self-report. Codes are stable and unique across modules (ErrorCodesTest); clients switch on the name. */
public enum MonitoringError implements ErrorCode {
    CASE_ALREADY_OPEN(409, "该户已有正在办理的程序（识别、风险消除或兜底保障认定）"),
    HOUSEHOLD_ALREADY_MONITORED(409, "该户已是监测对象，不再重复识别；风险消除后又出现新风险的，由县级“风险再标注”"),
    PLAN_LOCKED(409, "风险已消除并标注，帮扶措施和收入已锁定；如需变更，请由县级先回退"),
    PLAN_NOT_ALLOWED(409, "县级审定后才能制定帮扶计划（绿色通道案件可先行帮扶）"),
    ELIMINATION_CONDITIONS_UNMET(409, "不符合风险消除条件"),
    ATTACHMENT_INVALID(400, "附件只能是不超过5MB的JPEG、PNG图片或PDF文件"),
    CASE_TRANSITION_INVALID(409, "案件当前状态不能这样办理"),
    CLUE_CLOSED(409, "该线索已核实办结"),
    SELF_REPORT_RATE_LIMITED(429, "提交过于频繁，请稍后再试；如情况紧急请拨打村（社区）或12317电话");

    private final int status;
    private final String message;

    MonitoringError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
