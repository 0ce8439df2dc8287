/** Email: the outbox and its one store, the durable delivery task, MIME building and the transports. */
package io.chartersync.mail;
