package io.chartersync.console;

import java.time.Instant;
import java.util.UUID;

/** A console user as {@code users list} shows it: never the password hash. */
public record Account(UUID id, String email, Role role, Instant createdAt, boolean passwordSet) {}
