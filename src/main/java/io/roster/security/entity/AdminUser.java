package io.roster.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An administrator of the admin API. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "admin_user")
public class AdminUser {

    @Id
    @SequenceGenerator(name = "admin_user", sequenceName = "admin_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_user")
    @Column(name = "pk")
    private Long pk;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChanged;

    protected AdminUser() {
    }

    public AdminUser(String name, String passwordHash, Instant created) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.created = created;
        this.passwordChanged = created;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePassword(String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.passwordChanged = at;
    }
}
