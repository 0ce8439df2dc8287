package io.chartersync.db;

import io.chartersync.common.WireForm;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Binds a {@link WireForm} enum as its wire text and maps a text column back to the enum, so a store
 * writes {@code .bind("state", RunState.DONE)} and reads {@code mapTo(RunState.class)}, instead of Jdbi's
 * default (the Java name, {@code DONE}), which is not what the tables hold.
 */
final class WireForms implements JdbiPlugin {
    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerArgument(new Arguments());
        jdbi.registerColumnMapper(new Columns());
    }

    private static final class Arguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (!WireForm.class.isAssignableFrom(GenericTypes.getErasedType(type))) {
                return Optional.empty();
            }
            return Optional.of(value -> value == null
                    ? new NullArgument(Types.VARCHAR)
                    : (position, statement, ctx) -> statement.setString(position, ((WireForm) value).wire()));
        }
    }

    private static final class Columns implements ColumnMapperFactory {
        @Override
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> erased = GenericTypes.getErasedType(type);
            if (!erased.isEnum() || !WireForm.class.isAssignableFrom(erased)) {
                return Optional.empty();
            }
            return Optional.of((rs, column, ctx) -> {
                String text = rs.getString(column);
                return text == null ? null : byWire(erased, text);
            });
        }

        private static Object byWire(Class<?> type, String text) {
            for (Object value : type.getEnumConstants()) {
                if (((WireForm) value).wire().equals(text)) {
                    return value;
                }
            }
            throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + text + "'");
        }
    }
}
