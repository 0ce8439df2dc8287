/** Backup and restore: one consistent archive of the database and the data directory's files. */
package io.chartersync.backup;
