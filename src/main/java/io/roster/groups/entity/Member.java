package io.roster.groups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user as a group sees it: the few columns of {@code scim_user} that a member reference shows ({@code value},
 * {@code display}), read-only. Groups depend on this view rather than on the users feature, which in turn shows
 * each user's groups; so the two features do not depend on each other in a cycle.
 */
@Entity(name = "GroupMember")
@Table(name = "scim_user")
public class Member {

    @Id
    @Column(name = "pk", updatable = false)
    private Long pk;

    @Column(name = "id", insertable = false, updatable = false)
    private String id;

    @Column(name = "realm_id", insertable = false, updatable = false)
    private String realm;

    @Column(name = "user_name", insertable = false, updatable = false)
    private String userName;

    @Column(name = "display_name", insertable = false, updatable = false)
    private String displayName;

    protected Member() {
    }
}
