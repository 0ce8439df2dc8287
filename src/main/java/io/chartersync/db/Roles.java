package io.chartersync.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The login roles of the embedded database, none of them a superuser (defence in depth):
 *
 * <ul>
 *   <li>{@value #OWNER} owns the schema {@code public} and every table in it, and runs the Flyway migrations.
 *   <li>{@value #SERVING} is the role the program serves as: it reads and writes rows (SELECT, INSERT, UPDATE,
 *       DELETE; sequences), nothing more. It owns nothing, so it can neither change the schema nor switch off
 *       a trigger; of {@code audit_log} it may only read and append.
 * </ul>
 *
 * Neither can read server files ({@code pg_read_file}, {@code COPY FROM} a file), run programs ({@code COPY
 * … PROGRAM}) or set {@code session_replication_role}: those need a superuser or roles never granted here.
 * The superuser {@code postgres} is used only at start, to create and adjust these roles.
 */
final class Roles {
    static final String OWNER = "charter_owner";
    static final String SERVING = "charter_app";

    private Roles() {}

    /**
     * As the superuser: creates both roles (or resets their attributes), sets their passwords (sent as SCRAM
     * verifiers, never in clear), and hands the schema and everything in it that the superuser still owns
     * (a data directory of the earlier, superuser-only program) to the owner.
     */
    static void prepare(Connection superuser, String ownerPassword, String servingPassword) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            for (String role : new String[] {OWNER, SERVING}) {
                s.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login;
                      end if;
                    end $$""".formatted(role));
                s.execute("alter role " + role
                        + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit");
            }
            PGConnection pg = superuser.unwrap(PGConnection.class);
            pg.alterUserPassword(OWNER, ownerPassword.toCharArray(), "scram-sha-256");
            pg.alterUserPassword(SERVING, servingPassword.toCharArray(), "scram-sha-256");
            // V8 creates the (trusted) extension btree_gist, which takes CREATE on the database.
            s.execute("grant connect, create on database " + EmbeddedDatabase.DATABASE + " to " + OWNER);
            s.execute("alter schema public owner to " + OWNER);
            s.execute("revoke create on schema public from public");
            s.execute(MOVE_TO_OWNER);
        }
    }

    /**
     * As the owner, after the migrations: the serving role's row privileges on every table and sequence,
     * for the tables of later migrations too (default privileges); of {@code audit_log} only SELECT and
     * INSERT; nothing of Flyway's history.
     */
    static void grantServing(Connection owner) throws SQLException {
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            // Two programs starting at once (a server and a tool) would otherwise race on the same ACLs.
            AdvisoryLocks.lockForTransaction(owner, new AdvisoryLocks.Key.RoleGrants());
            s.execute("grant usage on schema public to " + SERVING);
            s.execute("grant select, insert, update, delete on all tables in schema public to " + SERVING);
            s.execute("grant usage, select, update on all sequences in schema public to " + SERVING);
            s.execute("alter default privileges for role " + OWNER
                    + " in schema public grant select, insert, update, delete on tables to " + SERVING);
            s.execute("alter default privileges for role " + OWNER
                    + " in schema public grant usage, select, update on sequences to " + SERVING);
            s.execute("revoke update, delete, truncate, references, trigger on audit_log from " + SERVING);
            s.execute("revoke all on flyway_schema_history from " + SERVING);
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        }
    }

    /**
     * Tables, views, sequences, functions and types of {@code public} still owned by the superuser move to
     * the owner; objects that belong to an extension stay, and sequences of identity columns follow their
     * table. Privileges move with them (the audit log's revoked UPDATE/DELETE/TRUNCATE stay revoked).
     */
    private static final String MOVE_TO_OWNER = """
        do $$
        declare
          r record;
        begin
          for r in
            select c.oid::regclass as name,
                   case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                  when 'm' then 'materialized view' else 'table' end as kind
            from pg_class c
            where c.relnamespace = 'public'::regnamespace
              and c.relowner = 'postgres'::regrole
              and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
              and not exists (select from pg_depend d
                              where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                and d.deptype in ('e', 'a', 'i'))
          loop
            execute format('alter %s %s owner to %I', r.kind, r.name, '$OWNER');
          end loop;
          for r in
            select p.oid::regprocedure as name,
                   case p.prokind when 'a' then 'aggregate' else 'routine' end as kind
            from pg_proc p
            where p.pronamespace = 'public'::regnamespace
              and p.proowner = 'postgres'::regrole
              and not exists (select from pg_depend d
                              where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
          loop
            execute format('alter %s %s owner to %I', r.kind, r.name, '$OWNER');
          end loop;
          for r in
            select t.oid::regtype as name, case t.typtype when 'd' then 'domain' else 'type' end as kind
            from pg_type t
            where t.typnamespace = 'public'::regnamespace
              and t.typowner = 'postgres'::regrole
              and t.typtype in ('e', 'd', 'r')
              and not exists (select from pg_depend d
                              where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
          loop
            execute format('alter %s %s owner to %I', r.kind, r.name, '$OWNER');
          end loop;
        end $$""".replace("$OWNER", OWNER);
}
