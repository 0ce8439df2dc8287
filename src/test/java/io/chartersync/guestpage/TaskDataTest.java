package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stored forms of the guest pages' task data and photo states: rows written by an earlier release (in
 * {@code scheduled_tasks} and {@code guest_photo}) must still read the same.
 */
class TaskDataTest {
    private static final UUID PHOTO = UUID.fromString("0b7e2f6a-3c1d-4e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void a_photo_ingest_is_one_instance_per_trigger_carrying_the_upload_id() {
        assertThat(new PhotoIngestTask(PHOTO, PhotoIngestTask.Trigger.EXPIRY).instance())
                .isEqualTo(PHOTO + "@expiry");
        assertThat(new PhotoIngestTask(PHOTO, PhotoIngestTask.Trigger.NOW).instance())
                .isEqualTo(PHOTO + "@now");
        assertThat(new PhotoIngestTask(PHOTO, PhotoIngestTask.Trigger.DONE).instance())
                .isEqualTo(PHOTO + "@done");
        assertThat(new PhotoIngestTask(PHOTO, PhotoIngestTask.Trigger.DONE).data())
                .isEqualTo(PHOTO.toString());

        List<UUID> ingested = new ArrayList<>();
        PhotoIngestTask.task(ingested::add)
                .executeOnce(new TaskInstance<>("ingest-photo", PHOTO + "@done", PHOTO.toString()), null);

        assertThat(PhotoIngestTask.NAME).isEqualTo("ingest-photo");
        assertThat(ingested).containsExactly(PHOTO);
    }

    @Test
    void closing_uploads_is_keyed_by_slug_and_epoch_second_and_carries_the_slug() {
        CloseUploadsTask closing =
                new CloseUploadsTask("may-30-boatsetter-k3x9q7ab", Instant.ofEpochSecond(1_719_000_000));

        assertThat(closing.instance()).isEqualTo("may-30-boatsetter-k3x9q7ab@1719000000");
        assertThat(closing.data()).isEqualTo("may-30-boatsetter-k3x9q7ab");
        List<String> republished = new ArrayList<>();
        CloseUploadsTask.task(republished::add)
                .executeOnce(new TaskInstance<>("close-guest-uploads", closing.instance(), closing.data()), null);

        assertThat(CloseUploadsTask.NAME).isEqualTo("close-guest-uploads");
        assertThat(republished).containsExactly("may-30-boatsetter-k3x9q7ab");
    }

    @Test
    void photo_states_are_stored_and_shown_in_lower_case() {
        assertThat(PhotoState.values()).extracting(PhotoState::wire).containsExactly("pending", "ready", "rejected");
        for (PhotoState state : PhotoState.values()) {
            assertThat(PhotoState.ofWire(state.wire())).isEqualTo(state);
        }
    }
}
