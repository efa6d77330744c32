package cn.fpjc.core.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Role names carried in the token's groups claim, with their Chinese labels for the UI. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String COUNTY_ADMIN = "county-admin";
    public static final String COUNTY_APPROVER = "county-approver";
    public static final String TOWNSHIP_REVIEWER = "township-reviewer";
    public static final String VILLAGE_CLERK = "village-clerk";
    public static final String RESPONSIBLE_OFFICIAL = "responsible-official";
    public static final String DEPARTMENT = "department";
    /** 县级资金拨付: releases approved payment batches to the bank (never the batch's creator or approver). */
    public static final String COUNTY_FINANCE = "county-finance";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(PLATFORM_ADMIN, "平台管理员");
        LABELS.put(PROVINCE_ADMIN, "省级管理员");
        LABELS.put(COUNTY_ADMIN, "县级管理员");
        LABELS.put(COUNTY_APPROVER, "县级审定人员");
        LABELS.put(TOWNSHIP_REVIEWER, "乡镇审核人员");
        LABELS.put(VILLAGE_CLERK, "村级信息员");
        LABELS.put(RESPONSIBLE_OFFICIAL, "帮扶责任人");
        LABELS.put(DEPARTMENT, "行业部门");
        LABELS.put(COUNTY_FINANCE, "县级资金拨付");
    }

    /** Roles that work inside one county tenant (they need a tenant and an org unit). */
    public static final Set<String> COUNTY_ROLES = Set.of(COUNTY_ADMIN, COUNTY_APPROVER, TOWNSHIP_REVIEWER,
            VILLAGE_CLERK, RESPONSIBLE_OFFICIAL, DEPARTMENT, COUNTY_FINANCE);

    private Roles() {
    }

    public static Map<String, String> labels() {
        return LABELS;
    }

    public static String label(String role) {
        return LABELS.getOrDefault(role, role);
    }

    public static boolean isKnown(String role) {
        return LABELS.containsKey(role);
    }
}
