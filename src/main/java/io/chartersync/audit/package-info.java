/** The append-only, hash-chained audit log: who changed what, and a check that nobody edited it since. */
package io.chartersync.audit;
