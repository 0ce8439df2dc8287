package io.chartersync.crew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.AppException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stored forms of the crew's keys and task data: dedupe keys, kinds, answers and task data are in
 * the database, so each must read exactly as docs/architecture.md says, and decode what it encodes.
 */
class CrewKeysTest {
    private static final UUID LINK = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID EVENT = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID BOOKING = UUID.fromString("33333333-3333-3333-3333-333333333333");

    @Test
    void email_keys_read_as_documented_and_carry_their_kind() {
        assertThat(EmailKey.invite(LINK)).isEqualTo(key(EmailKey.Kind.INVITE, "invite:" + LINK));
        assertThat(EmailKey.change(LINK, 3)).isEqualTo(key(EmailKey.Kind.CHANGE, "change:" + LINK + ":3"));
        assertThat(EmailKey.reassigned(LINK, 2)).isEqualTo(key(EmailKey.Kind.REASSIGNED, "reassigned:" + LINK + ":2"));
        assertThat(EmailKey.removed(LINK)).isEqualTo(key(EmailKey.Kind.REMOVED, "removed:" + LINK));
        assertThat(EmailKey.cancel(LINK)).isEqualTo(key(EmailKey.Kind.CANCEL, "cancel:" + LINK));
        assertThat(EmailKey.decline(LINK, 4)).isEqualTo(key(EmailKey.Kind.DECLINE, "decline:" + LINK + ":4"));
        assertThat(EmailKey.conflict(BOOKING, "cal-7"))
                .isEqualTo(key(EmailKey.Kind.CONFLICT, "conflict:" + BOOKING + ":cal-7"));
        assertThat(EmailKey.summary(EVENT, "0123456789abcdef", Instant.ofEpochMilli(1717059600123L)))
                .isEqualTo(key(EmailKey.Kind.SUMMARY, "summary:" + EVENT + ":0123456789abcdef:1717059600123"));
        assertThat(EmailKey.summaryAlreadySent(EVENT, "0123456789abcdef"))
                .isEqualTo(key(EmailKey.Kind.SUMMARY, "summary:" + EVENT + ":0123456789abcdef"));
        assertThat(EmailKey.briefing(new Briefings.Charter(EVENT, 1717059600L)))
                .isEqualTo(key(EmailKey.Kind.BRIEFING, "briefing:" + EVENT + "@1717059600"));
    }

    @Test
    void every_kind_is_stored_as_its_lower_case_name() {
        for (EmailKey.Kind kind : EmailKey.Kind.values()) {
            assertThat(kind.wire()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void briefing_task_data_is_event_at_start_second_and_decodes_back() {
        Briefings.Charter charter = new Briefings.Charter(EVENT, 1717059600L);
        assertThat(charter.encode()).isEqualTo(EVENT + "@1717059600");
        assertThat(Briefings.Charter.decode(charter.encode())).isEqualTo(charter);
        assertThat(charter.encode()).startsWith(Briefings.Charter.prefixOf(EVENT));
    }

    @Test
    void summary_task_data_is_the_event_id_and_its_instance_adds_the_due_second() {
        CaptainSummaries.Request request = new CaptainSummaries.Request(EVENT);
        assertThat(request.encode()).isEqualTo(EVENT.toString());
        assertThat(CaptainSummaries.Request.decode(request.encode())).isEqualTo(request);
        assertThat(request.instanceDueAt(Instant.parse("2024-05-30T09:00:00.700Z")))
                .isEqualTo(EVENT + "@1717059600");
    }

    @Test
    void answers_keep_their_wire_and_display_forms() {
        assertThat(CrewAnswer.parse("confirm")).isEqualTo(CrewAnswer.CONFIRM);
        assertThat(CrewAnswer.parse("decline")).isEqualTo(CrewAnswer.DECLINE);
        assertThat(CrewAnswer.CONFIRM.wire()).isEqualTo("confirm");
        assertThat(CrewAnswer.statusOf(Optional.of(CrewAnswer.CONFIRM))).isEqualTo("confirmed");
        assertThat(CrewAnswer.statusOf(Optional.of(CrewAnswer.DECLINE))).isEqualTo("declined");
        assertThat(CrewAnswer.statusOf(Optional.empty())).isEqualTo("awaiting answer");
        assertThat(CrewAnswer.yoursOf(Optional.of(CrewAnswer.CONFIRM))).isEqualTo("You confirmed");
        assertThat(CrewAnswer.yoursOf(Optional.empty())).isEqualTo("You have not answered yet");
        for (String wrong : new String[] {"confirmed", "Confirm", "", "maybe"}) {
            assertThatThrownBy(() -> CrewAnswer.parse(wrong))
                    .isInstanceOf(AppException.InvalidInput.class)
                    .hasMessageContaining("answer");
        }
        assertThatThrownBy(() -> CrewAnswer.parse(null)).isInstanceOf(AppException.InvalidInput.class);
    }

    @Test
    void a_teammate_prints_as_the_summary_state_hash_has_always_read_it() {
        assertThat(new CrewView.Teammate("Sam", "crew", "confirmed").toString())
                .isEqualTo("Teammate[name=Sam, role=crew, answer=confirmed]");
    }

    private static EmailKey key(EmailKey.Kind kind, String text) {
        return new EmailKey(kind, text);
    }
}
