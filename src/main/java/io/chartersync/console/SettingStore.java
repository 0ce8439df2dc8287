package io.chartersync.console;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The operator's settings ({@code operator_setting}), one row per setting that is set; the only SQL for it. */
final class SettingStore {

    Map<String, String> findAll(Handle h) {
        Map<String, String> found = new HashMap<>();
        h.createQuery("select name, value from operator_setting")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** Sets {@code name} to {@code value}; an empty value removes the row (the setting falls back). */
    void put(Handle h, String name, Optional<String> value) {
        if (value.isEmpty()) {
            h.createUpdate("delete from operator_setting where name = :name")
                    .bind("name", name)
                    .execute();
            return;
        }
        h.createUpdate("""
                    insert into operator_setting (name, value) values (:name, :value)
                    on conflict (name) do update set value = excluded.value, updated_at = now()""").bind("name", name).bind("value", value.get()).execute();
    }
}
