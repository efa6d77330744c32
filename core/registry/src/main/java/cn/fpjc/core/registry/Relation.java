package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** Relation to the head of household (与户主关系). */
public enum Relation implements Labelled {
    HEAD("户主"),
    SPOUSE("配偶"),
    CHILD("子女"),
    CHILD_IN_LAW("儿媳/女婿"),
    GRANDCHILD("孙子女"),
    PARENT("父母"),
    GRANDPARENT("祖父母"),
    SIBLING("兄弟姐妹"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
