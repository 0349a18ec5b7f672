/**
 * One abstract JUnit 5 contract suite per outbound port: what the port's Javadoc promises, checked
 * the same way for every adapter (in-memory, PostgreSQL, DynamoDB). An adapter's test extends the
 * suite and implements its factory methods.
 *
 * <p>The suites are safe against a shared, non-empty store: every test uses fresh random ids and
 * assumes nothing about data it did not write. Instants are whole milliseconds, which every store
 * keeps exactly. Factory methods may be called several times in one test and must then return ports
 * over the same store.
 */
package dev.parley.testkit.contract;
