package io.chartersync.guestpage;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One guest upload and what became of it (a row of {@code guest_photo}, read by {@link PhotoStore}). */
record GuestPhoto(
        UUID id,
        String slug,
        String uploadKey,
        String contentType,
        long size,
        PhotoState state,
        Optional<String> reason,
        Optional<String> displayKey,
        Optional<String> thumbKey,
        int thumbWidth,
        int thumbHeight,
        Instant createdAt) {}
