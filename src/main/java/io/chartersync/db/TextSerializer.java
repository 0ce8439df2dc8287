package io.chartersync.db;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/** Task data is plain UTF-8 text, so SQL can write it (see {@link TaskQueue}) and people can read it. */
public final class TextSerializer implements Serializer {
    @Override
    public byte[] serialize(Object data) {
        if (!(data instanceof String text)) {
            throw new IllegalArgumentException("task data must be text, was " + data.getClass());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (type != String.class) {
            throw new IllegalArgumentException("task data can only be read as text, not " + type);
        }
        return type.cast(new String(bytes, StandardCharsets.UTF_8));
    }
}
