package cn.fpjc.core.platform.org;

/** An org unit as the API shows it (and as the audit log snapshots it). */
public record OrgUnitView(String code, String name, OrgLevel level, String levelLabel, String parentCode, long version) {
    public static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.code, unit.name, unit.level, unit.level.label(), unit.parentCode, unit.version);
    }
}
