/** Signed webhooks ({@code POST /webhooks/{source}}), entered through {@code WebhookModule}. */
package io.chartersync.webhook;
