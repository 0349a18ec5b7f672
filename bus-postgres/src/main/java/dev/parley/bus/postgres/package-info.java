/**
 * The cluster bus on PostgreSQL: {@link dev.parley.bus.postgres.PostgresClusterBus} carries
 * chat-protocol's cluster messages between the nodes that share one database, through an outbox
 * table and {@code LISTEN/NOTIFY}.
 */
package dev.parley.bus.postgres;
