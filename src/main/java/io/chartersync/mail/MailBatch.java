package io.chartersync.mail;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The data of one {@code deliver-mail} task: the emails one transaction queued. Stored as their ids joined
 * by commas; the task's instance id is the first email's id (an email belongs to one task only).
 */
record MailBatch(List<UUID> emailIds) {
    static final String TASK = "deliver-mail";

    MailBatch {
        if (emailIds.isEmpty()) {
            throw new IllegalArgumentException("a mail batch needs at least one email");
        }
        emailIds = List.copyOf(emailIds);
    }

    String instanceId() {
        return emailIds.getFirst().toString();
    }

    String encode() {
        return emailIds.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static MailBatch decode(String data) {
        return new MailBatch(
                Arrays.stream(data.split(",")).map(UUID::fromString).toList());
    }
}
