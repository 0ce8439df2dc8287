package io.chartersync.app;

import io.chartersync.workflow.SyncStep;
import java.util.function.Consumer;

/**
 * Points where a test watches the program or stops it dead (crash-and-resume tests halt the JVM there);
 * {@link #NONE} in production. Given to {@link Application#start(AppConfig, java.time.Clock, Hooks)}, never global.
 *
 * @param afterStep runs after each sync step is checkpointed
 * @param guestPageWritten runs right after a guest page object is written, before its transaction commits
 */
public record Hooks(Consumer<SyncStep> afterStep, Runnable guestPageWritten) {
    public static final Hooks NONE = new Hooks(step -> {}, () -> {});
}
