package cn.fpjc.core.funds.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A registry household that a project's 联农带农 mechanism benefits, and how. */
@Entity
@Table(name = "fund_project_beneficiary")
@IdClass(ProjectBeneficiary.Key.class)
public class ProjectBeneficiary extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public long projectId;

    @Id
    @Column(name = "household_id")
    public long householdId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    public LinkageKind kind;

    public static class Key implements Serializable {
        public long projectId;
        public long householdId;
        public LinkageKind kind;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.projectId == projectId && k.householdId == householdId && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, householdId, kind);
        }
    }
}
