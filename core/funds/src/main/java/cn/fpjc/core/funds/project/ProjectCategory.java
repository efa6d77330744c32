package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/** 项目类型 (000 衔接资金使用管理; 001 第三部分三). 产业发展 counts toward the industry share of central funds. */
public enum ProjectCategory implements Labelled {
    INDUSTRY("产业发展"),
    EMPLOYMENT("就业帮扶"),
    RURAL_CONSTRUCTION("乡村建设"),
    INFRASTRUCTURE("基础设施"),
    PUBLIC_SERVICE("公共服务"),
    EDUCATION_TRAINING("教育培训"),
    MANAGEMENT_FEE("项目管理费"),
    OTHER("其他");

    private final String label;

    ProjectCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
