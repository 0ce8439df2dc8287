/** Bookings: the model, validation, storage, the intake API and the status document it answers with. */
package io.chartersync.booking;
