/** The mail outbox, durable delivery tasks, MIME building and transports. */
package io.chartersync.mail;
