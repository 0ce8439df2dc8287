package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/** Which delivery failures are worth a retry: the SMTP server's 5xx replies are not, the rest are. */
class SendFailureTest {
    private static final Address[] NONE = new Address[0];

    @Test
    void recipient_refused_with_5xx_inside_send_failed_is_permanent_with_the_reply() throws Exception {
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(
                        new InternetAddress("gone@crew.example.com"),
                        "RCPT TO:<gone@crew.example.com>",
                        550,
                        "550 5.1.1 mailbox unavailable\n"));

        assertThat(SendFailure.of(failure)).isEqualTo(new SendFailure.Permanent("550 5.1.1 mailbox unavailable"));
    }

    @Test
    void a_reply_quoting_the_recipient_keeps_its_code_and_text_but_not_the_address() throws Exception {
        var failure = new SMTPAddressFailedException(
                new InternetAddress("guest.name@example.org"),
                "RCPT TO:<guest.name@example.org>",
                550,
                "550 5.1.1 <guest.name@example.org>: Recipient address rejected");

        assertThat(SendFailure.of(failure).reason())
                .isEqualTo("550 5.1.1 <[address]>: Recipient address rejected")
                .doesNotContain("guest.name");
    }

    @Test
    void message_refused_with_5xx_after_data_is_permanent() {
        var failure = new SMTPSendFailedException(
                ".", 554, "554 Message rejected: address not verified", null, NONE, NONE, NONE);

        assertThat(SendFailure.of(failure))
                .isEqualTo(new SendFailure.Permanent("554 Message rejected: address not verified"));
    }

    @Test
    void sender_refused_with_5xx_is_permanent() throws Exception {
        var failure = new SMTPSenderFailedException(
                new InternetAddress("ops@example.com"), "MAIL FROM:<ops@example.com>", 553, "553 sender not allowed");

        assertThat(SendFailure.of(failure)).isInstanceOf(SendFailure.Permanent.class);
    }

    @Test
    void recipient_deferred_with_4xx_is_transient() throws Exception {
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(
                        new InternetAddress("busy@crew.example.com"),
                        "RCPT TO:<busy@crew.example.com>",
                        450,
                        "450 4.2.1 mailbox busy, try later"));

        assertThat(SendFailure.of(failure)).isEqualTo(new SendFailure.Transient("450 4.2.1 mailbox busy, try later"));
    }

    @Test
    void message_deferred_with_4xx_is_transient() {
        var failure = new SMTPSendFailedException(".", 451, "451 4.3.0 local error", null, NONE, NONE, NONE);

        assertThat(SendFailure.of(failure)).isInstanceOf(SendFailure.Transient.class);
    }

    @Test
    void connection_refused_is_transient() {
        var refused = new MailConnectException(new SocketConnectException(
                "Couldn't connect", new ConnectException("Connection refused"), "127.0.0.1", 25, 10_000));

        SendFailure failure = SendFailure.of(refused);

        assertThat(failure).isInstanceOf(SendFailure.Transient.class);
        assertThat(failure.reason()).contains("Couldn't connect");
    }

    @Test
    void connection_refused_wrapped_in_a_messaging_exception_is_transient() {
        var refused = new MessagingException("could not connect", new ConnectException("Connection refused"));

        assertThat(SendFailure.of(refused)).isInstanceOf(SendFailure.Transient.class);
    }

    @Test
    void read_timeout_and_io_failures_are_transient() {
        assertThat(SendFailure.of(new MessagingException("timeout", new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(SendFailure.Transient.class);
        assertThat(SendFailure.of(new IOException("disk full"))).isInstanceOf(SendFailure.Transient.class);
    }
}
