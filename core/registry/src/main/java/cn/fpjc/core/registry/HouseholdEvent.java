package cn.fpjc.core.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What happened to a household: member joined/left/moved/removed, split, merge, its category changed by a decision. Append-only. */
@Entity
@Table(name = "household_event")
public class HouseholdEvent extends PanacheEntityBase {
    public enum Kind {
        CREATED("建户"), MEMBER_ADDED("新增成员"), MEMBER_MOVED_IN("成员迁入"), MEMBER_MOVED_OUT("成员迁出"),
        MEMBER_REMOVED("成员减少"), SPLIT_FROM("由他户分出"), SPLIT_INTO("分出新户"), MERGED_INTO("并入他户"),
        MERGED_FROM("他户并入"), HEAD_CHANGED("户主变更"), CATEGORY_CHANGED("户类型变更");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Kind kind;

    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "related_household_id")
    public Long relatedHouseholdId;

    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 64)
    public String actor;
}
