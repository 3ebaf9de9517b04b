package io.roster.groups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of {@code scim_group_member}: a user is a member of a group. Mapped for queries only (filters, member
 * lists, a user's groups); rows are written by {@code Memberships} with set-based SQL.
 */
@Entity
@Table(name = "scim_group_member")
@IdClass(Membership.Key.class)
public class Membership {

    @Id
    @Column(name = "group_pk")
    private Long groupPk;

    @Id
    @Column(name = "user_pk")
    private Long userPk;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_pk", insertable = false, updatable = false)
    private Group group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_pk", insertable = false, updatable = false)
    private Member member;

    protected Membership() {
    }

    /** The composite key (group_pk, user_pk). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long groupPk;
        private Long userPk;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(groupPk, key.groupPk)
                    && Objects.equals(userPk, key.userPk);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupPk, userPk);
        }
    }
}
