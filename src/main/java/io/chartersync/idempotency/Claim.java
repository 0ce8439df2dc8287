package io.chartersync.idempotency;

import java.time.Instant;
import java.util.UUID;

/** What a request with an Idempotency-Key finds when it claims the key. */
sealed interface Claim {
    /** The key is this request's now (new, expired, or abandoned by a request that never finished): run it. */
    record Reserved(String scope, String key, UUID attempt) implements Claim {}

    /** The same request under this key was answered already: answer that again. */
    record Replay(Answer answer) implements Claim {}

    /** The key was used with another request (another body, method or path). */
    record Mismatch() implements Claim {}

    /** The same request under this key is still running. */
    record InProgress() implements Claim {}

    /** A first answer as stored: status, the headers that matter, the body byte for byte. */
    record Answer(int status, String contentType, String location, byte[] body, Instant completedAt) {}
}
