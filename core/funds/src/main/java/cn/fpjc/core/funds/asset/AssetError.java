package cn.fpjc.core.funds.asset;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of project assets. Codes are stable and unique across modules; clients switch on the name. */
public enum AssetError implements ErrorCode {
    ASSET_PROJECT_NOT_AUDITED(409, "项目尚未完成决算审计，不能登记项目资产"),
    ASSET_DISPOSED(409, "该资产已处置，不能再办理"),
    ASSET_STEP_NOT_ALLOWED(409, "资产当前状态不能办理该操作"),
    ASSET_CHECK_LEVEL_NOT_YOURS(403, "本人只能登记本级的管护检查记录"),
    ASSET_DISTRIBUTION_TOTAL_MISMATCH(422, "收益分配合计与收益金额不一致"),
    ASSET_EQUAL_HANDOUT(422, "收益分配不得简单发钱发物、一分了之"),
    ASSET_PLAN_REQUIRED(422, "该项目投资规模须制定分类管理方案"),
    ASSET_DISPOSAL_NEEDS_VALUATION(422, "资产处置须先经资产评估");

    private final int status;
    private final String message;

    AssetError(int status, String message) {
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
