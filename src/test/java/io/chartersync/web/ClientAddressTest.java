package io.chartersync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The client address a trusted proxy's header names: its rightmost entry, without a port. */
class ClientAddressTest {
    @Test
    void the_rightmost_entry_is_the_one_the_proxy_added() {
        assertThat(ClientAddress.rightmost("203.0.113.7, 198.51.100.1")).hasValue("198.51.100.1");
        assertThat(ClientAddress.rightmost("198.51.100.1")).hasValue("198.51.100.1");
    }

    @Test
    void ports_are_dropped_from_ipv4_and_bracketed_ipv6() {
        assertThat(ClientAddress.rightmost("198.51.100.1:4431")).hasValue("198.51.100.1");
        assertThat(ClientAddress.rightmost("[2001:db8::7]:443")).hasValue("2001:db8::7");
        assertThat(ClientAddress.rightmost("2001:db8::7")).hasValue("2001:db8::7");
    }

    @Test
    void cloudfront_viewer_addresses_always_end_in_a_port_even_unbracketed_ipv6() {
        assertThat(ClientAddress.viewer("198.51.100.1:4431")).hasValue("198.51.100.1");
        assertThat(ClientAddress.viewer("2001:db8::1:46532")).hasValue("2001:db8::1");
        assertThat(ClientAddress.viewer("nonsense")).isEmpty();
    }

    @Test
    void an_empty_or_malformed_value_names_nobody() {
        assertThat(ClientAddress.rightmost("")).isEmpty();
        assertThat(ClientAddress.rightmost(null)).isEmpty();
        assertThat(ClientAddress.rightmost("a, ")).isEmpty();
        assertThat(ClientAddress.rightmost("[]")).isEmpty();
    }
}
