package io.chartersync.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A magic link: one member on one event. The token is never stored, only its hash. {@code changes} counts
 * the member's answers and reassignments on it (crew feeds add it to SEQUENCE).
 */
record Link(
        UUID id,
        UUID eventId,
        String memberId,
        String role,
        Optional<BigDecimal> hourlyRate,
        Instant expiresAt,
        Optional<Instant> revokedAt,
        Optional<CrewAnswer> answer,
        Optional<Integer> answeredVersion,
        int changes) {

    /** True when the member holds the same role at the same rate as {@code member} asks. */
    boolean sameAssignment(CrewPort.Member member) {
        return role.equals(member.role())
                && hourlyRate
                        .map(BigDecimal::stripTrailingZeros)
                        .equals(member.hourlyRate().map(BigDecimal::stripTrailingZeros));
    }

    /** This link with the member's new role and rate; their earlier answer no longer counts. */
    Link reassignedTo(CrewPort.Member member) {
        return new Link(
                id,
                eventId,
                memberId,
                member.role(),
                member.hourlyRate(),
                expiresAt,
                revokedAt,
                Optional.empty(),
                Optional.empty(),
                changes + 1);
    }

    /** The answer, if it was given for the event's current version. */
    Optional<CrewAnswer> currentAnswer(int eventVersion) {
        return answeredVersion.filter(v -> v == eventVersion).flatMap(v -> answer);
    }
}
