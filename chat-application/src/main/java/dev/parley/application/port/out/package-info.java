/**
 * Outbound ports: what the core needs from the world, small and named by capability. Every port has
 * one contract test suite in chat-testkit that every adapter (in-memory, PostgreSQL, DynamoDB)
 * passes. Unless a method says otherwise, arguments are never null, results are never null, and an
 * adapter that cannot reach its store throws {@link
 * dev.parley.application.error.StoreUnavailableException}.
 */
package dev.parley.application.port.out;
