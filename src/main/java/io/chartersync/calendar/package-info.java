/** The internal calendar service: entries with crew assignments, its seed API and store. */
package io.chartersync.calendar;
