/** Idempotency keys of the operator's writes, entered through {@code IdempotencyModule}: reserve, replay, expire. */
package io.chartersync.idempotency;
