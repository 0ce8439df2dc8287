/**
 * Marketplace calendar feeds: iCalendar exports (Boatsetter, GetMyBoat, Click&Boat) polled on a schedule and
 * reconciled into bookings.
 */
package io.chartersync.feed;
