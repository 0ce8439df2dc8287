package io.chartersync.crew;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The crew roster ({@code crew_member}) in plain SQL; the only class that writes that table. */
final class RosterStore {
    private final Jdbi jdbi;
    private final AuditLog audit;

    RosterStore(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** A member as saved, and whether it is new. */
    record Saved(boolean created, CrewMember member) {}

    /**
     * Creates or replaces a member's details (audited, as {@code actor}); whether the member is active does not
     * change (a new one is).
     */
    Saved upsert(CrewMember m, String actor) {
        return jdbi.inTransaction(h -> upsert(h, m, actor));
    }

    Saved upsert(Handle h, CrewMember m, String actor) {
        Saved saved = insertOrUpdate(h, m);
        audit.append(
                h,
                new AuditEntry(
                        actor,
                        saved.created() ? "crew-member.created" : "crew-member.updated",
                        "crew-member:" + m.id(),
                        Map.of("name", m.name(), "email", m.email(), "roles", m.roles())));
        return saved;
    }

    private static Saved insertOrUpdate(Handle h, CrewMember m) {
        return h.createQuery("""
                    insert into crew_member (id, name, email, roles, phone) values (:id, :name, :email, :roles, :phone)
                    on conflict (id) do update set name = excluded.name, email = excluded.email,
                      roles = excluded.roles, phone = excluded.phone, updated_at = now()
                    returning (xmax = 0) as inserted, active""")
                .bind("id", m.id())
                .bind("name", m.name())
                .bind("email", m.email())
                .bind("roles", m.roles().toArray(String[]::new))
                .bind("phone", m.phone().orElse(null))
                .map((rs, ctx) -> new Saved(
                        rs.getBoolean("inserted"),
                        new CrewMember(m.id(), m.name(), m.email(), m.roles(), m.phone(), rs.getBoolean("active"))))
                .one();
    }

    /** Sets whether the member may be put on bookings (audited); answers false for an unknown member. */
    boolean setActive(String id, boolean active, String actor) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate(
                            "update crew_member set active = :active, updated_at = now() where id = :id and active <> :active")
                    .bind("id", id)
                    .bind("active", active)
                    .execute();
            if (changed > 0) {
                audit.append(
                        h,
                        new AuditEntry(
                                actor,
                                active ? "crew-member.reactivated" : "crew-member.deactivated",
                                "crew-member:" + id,
                                Map.of()));
            }
            return changed > 0 || find(h, id).isPresent();
        });
    }

    Optional<CrewMember> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<CrewMember> find(Handle h, String id) {
        return h.createQuery("select id, name, email, roles, phone, active from crew_member where id = :id")
                .bind("id", id)
                .map(RosterStore::member)
                .findOne();
    }

    /** The members with these ids, by id, in one query. */
    Map<String, CrewMember> findByIds(Handle h, Collection<String> ids) {
        Map<String, CrewMember> found = new HashMap<>();
        h.createQuery("select id, name, email, roles, phone, active from crew_member where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(RosterStore::member)
                .forEach(m -> found.put(m.id(), m));
        return found;
    }

    /** The whole roster, by id. */
    List<CrewMember> findAll() {
        return jdbi.withHandle(
                h -> h.createQuery("select id, name, email, roles, phone, active from crew_member order by id")
                        .map(RosterStore::member)
                        .list());
    }

    /** The ids among {@code ids} that are not on the roster. */
    Set<String> findUnknownIds(Collection<String> ids) {
        Set<String> known =
                new HashSet<>(jdbi.withHandle(h -> h.createQuery("select id from crew_member where id = any(:ids)")
                        .bind("ids", ids.toArray(String[]::new))
                        .mapTo(String.class)
                        .list()));
        Set<String> missing = new LinkedHashSet<>(ids);
        missing.removeAll(known);
        return missing;
    }

    /** The ids among {@code ids} of members who are deactivated. */
    Set<String> findInactiveIds(Collection<String> ids) {
        return new LinkedHashSet<>(jdbi.withHandle(
                h -> h.createQuery("select id from crew_member where id = any(:ids) and not active order by id")
                        .bind("ids", ids.toArray(String[]::new))
                        .mapTo(String.class)
                        .list()));
    }

    private static CrewMember member(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CrewMember(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("email"),
                List.of((String[]) rs.getArray("roles").getArray()),
                Optional.ofNullable(rs.getString("phone")),
                rs.getBoolean("active"));
    }
}
