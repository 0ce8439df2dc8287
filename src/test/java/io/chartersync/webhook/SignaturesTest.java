package io.chartersync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks v1 signatures, checked with the spec's own test vectors: the secret, message id,
 * timestamp, payload and expected signature of the reference JavaScript library's "sign function works"
 * test, and the multi-signature header of its "multi sig payload is valid" test
 * (github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts, commit
 * b2fa7b8719fb75d326b591077f5d1b385cfcdfae).
 */
class SignaturesTest {
    private static final byte[] SPEC_KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final byte[] SPEC_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    /** The entries of the spec's multi-signature test that are not valid for its payload. */
    private static final String OTHER_ENTRIES =
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    private static final Instant SIGNED_AT = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void signs_the_spec_test_vector_as_the_spec_expects() {
        assertThat(Signatures.sign(SPEC_KEY, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void accepts_the_spec_vector_alone_or_among_other_and_unknown_version_entries() {
        assertThat(verify(List.of(SPEC_KEY), SPEC_SIGNATURE, SIGNED_AT)).isEqualTo(Signatures.Verdict.VALID);
        assertThat(verify(List.of(SPEC_KEY), OTHER_ENTRIES + " " + SPEC_SIGNATURE + " " + OTHER_ENTRIES, SIGNED_AT))
                .isEqualTo(Signatures.Verdict.VALID);
        assertThat(verify(List.of(SPEC_KEY), OTHER_ENTRIES, SIGNED_AT)).isEqualTo(Signatures.Verdict.INVALID);
        // The right signature under another version prefix is not a v1 signature.
        assertThat(verify(List.of(SPEC_KEY), SPEC_SIGNATURE.replace("v1,", "v1a,"), SIGNED_AT))
                .isEqualTo(Signatures.Verdict.INVALID);
    }

    @Test
    void any_key_of_a_rotation_may_have_signed() {
        byte[] other = new byte[32];
        assertThat(verify(List.of(other, SPEC_KEY), SPEC_SIGNATURE, SIGNED_AT)).isEqualTo(Signatures.Verdict.VALID);
        assertThat(verify(List.of(other), SPEC_SIGNATURE, SIGNED_AT)).isEqualTo(Signatures.Verdict.INVALID);
    }

    @Test
    void a_changed_byte_of_payload_id_or_signature_is_refused() {
        byte[] changed = SPEC_PAYLOAD.clone();
        changed[changed.length - 2]++;
        String forged = SPEC_SIGNATURE.replace("g0hM", "g0hN");
        Instant now = SIGNED_AT;
        List<byte[]> keys = List.of(SPEC_KEY);

        assertThat(Signatures.verify(keys, SPEC_ID, "" + SPEC_TIMESTAMP, SPEC_SIGNATURE, changed, now))
                .isEqualTo(Signatures.Verdict.INVALID);
        assertThat(Signatures.verify(keys, SPEC_ID + "x", "" + SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD, now))
                .isEqualTo(Signatures.Verdict.INVALID);
        assertThat(verify(keys, forged, now)).isEqualTo(Signatures.Verdict.INVALID);
        assertThat(verify(keys, "v1,", now)).isEqualTo(Signatures.Verdict.INVALID);
        assertThat(verify(keys, "v1,not base64!", now)).isEqualTo(Signatures.Verdict.INVALID);
        assertThat(Signatures.verify(keys, SPEC_ID, "soon", SPEC_SIGNATURE, SPEC_PAYLOAD, now))
                .isEqualTo(Signatures.Verdict.INVALID);
    }

    @Test
    void the_timestamp_may_be_five_minutes_off_either_way_and_no_more() {
        List<byte[]> keys = List.of(SPEC_KEY);
        assertThat(verify(keys, SPEC_SIGNATURE, SIGNED_AT.plusSeconds(300))).isEqualTo(Signatures.Verdict.VALID);
        assertThat(verify(keys, SPEC_SIGNATURE, SIGNED_AT.minusSeconds(300))).isEqualTo(Signatures.Verdict.VALID);
        assertThat(verify(keys, SPEC_SIGNATURE, SIGNED_AT.plusSeconds(301))).isEqualTo(Signatures.Verdict.TOO_OLD);
        assertThat(verify(keys, SPEC_SIGNATURE, SIGNED_AT.minusSeconds(301))).isEqualTo(Signatures.Verdict.TOO_NEW);
    }

    private static Signatures.Verdict verify(List<byte[]> keys, String header, Instant now) {
        return Signatures.verify(keys, SPEC_ID, Long.toString(SPEC_TIMESTAMP), header, SPEC_PAYLOAD, now);
    }
}
