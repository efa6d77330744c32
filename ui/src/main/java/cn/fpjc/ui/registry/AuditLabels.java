package cn.fpjc.ui.registry;

import cn.fpjc.core.platform.audit.AuditResource.AuditView;
import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/** An audit entry as the household page shows it: what was done to what, in Chinese, never the log's codes. */
@TemplateExtension
final class AuditLabels {
    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("CREATE", "新增"), Map.entry("UPDATE", "修改"),
            Map.entry("DELETE", "删除"), Map.entry("REMOVE", "减少"), Map.entry("REVEAL", "查看完整身份证号"), Map.entry("MOVE", "迁移"),
            Map.entry("SPLIT", "分户"), Map.entry("MERGE", "合户"), Map.entry("CHANGE_CATEGORY", "变更户类型"), Map.entry("IMPORT", "批量导入"));
    private static final Map<String, String> ENTITIES = Map.of("household", "户信息", "member", "家庭成员", "income_record", "收入",
            "guarantee_status", "“三保障”情况");

    private AuditLabels() {
    }

    /** {@code {a.actionLabel}}: 新增, 修改, …; an action without a label reads 操作. */
    static String actionLabel(AuditView a) {
        return ACTIONS.getOrDefault(a.action(), "操作");
    }

    /** {@code {a.entityLabel}}: 户信息, 2024年收入, …. */
    static String entityLabel(AuditView a) {
        String what = ENTITIES.getOrDefault(a.entityType(), "记录");
        if ("income_record".equals(a.entityType()) && a.entityId() != null && a.entityId().contains("/")) {
            return a.entityId().substring(a.entityId().lastIndexOf('/') + 1) + "年" + what;
        }
        return what;
    }
}
