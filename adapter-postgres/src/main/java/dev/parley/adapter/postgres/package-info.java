/**
 * The PostgreSQL store: every storage port of chat-application on plain JDBC (pgjdbc) behind a
 * HikariCP pool, the schema managed by Flyway (with the outbox table of bus-postgres's cluster
 * bus). Every adapter turns a database that is down or slow into {@link
 * dev.parley.application.error.StoreUnavailableException} within bounded time. See
 * docs/postgres-design.md.
 */
package dev.parley.adapter.postgres;
