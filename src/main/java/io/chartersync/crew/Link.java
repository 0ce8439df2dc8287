package io.chartersync.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A magic link: one member on one event. The token is never stored, only its hash. */
record Link(
    UUID id,
    UUID eventId,
    String memberId,
    String role,
    Optional<BigDecimal> hourlyRate,
    Instant expiresAt,
    Optional<Instant> revokedAt,
    Optional<String> answer,
    Optional<Integer> answeredVersion) {

  boolean live(Instant now) {
    return revokedAt.isEmpty() && now.isBefore(expiresAt);
  }

  /** The answer, if it was given for the event's current version. */
  Optional<String> currentAnswer(int eventVersion) {
    return answeredVersion.filter(v -> v == eventVersion).flatMap(v -> answer);
  }
}
