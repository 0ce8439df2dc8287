/** Bookings: the model, validation, storage and the intake API. */
package io.chartersync.booking;
