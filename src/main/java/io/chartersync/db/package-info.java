/** The database: DataSource, embedded PostgreSQL, Flyway migrations and the durable task queue. */
package io.chartersync.db;
