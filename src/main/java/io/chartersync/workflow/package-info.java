/** The sync saga that brings calendar, guest page, crew event and captain summary in line with a booking version. */
package io.chartersync.workflow;
