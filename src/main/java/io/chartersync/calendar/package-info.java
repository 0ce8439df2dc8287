/** The calendar: entries with crew assignments and their conflict rules, the seed API and the iCalendar feeds. */
package io.chartersync.calendar;
