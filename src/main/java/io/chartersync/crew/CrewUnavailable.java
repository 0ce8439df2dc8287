package io.chartersync.crew;

/** The page a dead or unknown magic link shows: what happened and what to do now. */
public record CrewUnavailable(String heading, String reason) {}
