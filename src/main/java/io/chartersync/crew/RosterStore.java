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

    /** Creates or replaces a member (audited, as {@code actor}); answers true when the member is new. */
    boolean upsert(CrewMember m, String actor) {
        return jdbi.inTransaction(h -> {
            boolean created = insertOrUpdate(h, m);
            audit.append(
                    h,
                    new AuditEntry(
                            actor,
                            created ? "crew-member.created" : "crew-member.updated",
                            "crew-member:" + m.id(),
                            Map.of("name", m.name(), "email", m.email(), "roles", m.roles())));
            return created;
        });
    }

    private static boolean insertOrUpdate(Handle h, CrewMember m) {
        return h.createQuery("""
                    insert into crew_member (id, name, email, roles, phone) values (:id, :name, :email, :roles, :phone)
                    on conflict (id) do update set name = excluded.name, email = excluded.email,
                      roles = excluded.roles, phone = excluded.phone, updated_at = now()
                    returning (xmax = 0) as inserted""")
                .bind("id", m.id())
                .bind("name", m.name())
                .bind("email", m.email())
                .bind("roles", m.roles().toArray(String[]::new))
                .bind("phone", m.phone().orElse(null))
                .mapTo(Boolean.class)
                .one();
    }

    Optional<CrewMember> find(Handle h, String id) {
        return h.createQuery("select id, name, email, roles, phone from crew_member where id = :id")
                .bind("id", id)
                .map(RosterStore::member)
                .findOne();
    }

    /** The members with these ids, by id, in one query. */
    Map<String, CrewMember> findByIds(Handle h, Collection<String> ids) {
        Map<String, CrewMember> found = new HashMap<>();
        h.createQuery("select id, name, email, roles, phone from crew_member where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(RosterStore::member)
                .forEach(m -> found.put(m.id(), m));
        return found;
    }

    /** The whole roster, by id. */
    List<CrewMember> findAll() {
        return jdbi.withHandle(h -> h.createQuery("select id, name, email, roles, phone from crew_member order by id")
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

    private static CrewMember member(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CrewMember(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("email"),
                List.of((String[]) rs.getArray("roles").getArray()),
                Optional.ofNullable(rs.getString("phone")));
    }
}
