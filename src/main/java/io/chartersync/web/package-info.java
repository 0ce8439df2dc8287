/** HTTP server setup, authentication, problem+json errors, operations endpoints and guest-site serving. */
package io.chartersync.web;
