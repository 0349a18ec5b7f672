/**
 * The in-memory store: thread-safe adapters for every storage port of {@code
 * dev.parley.application.port.out} (and rate limits, typing and store health), bound by {@link
 * dev.parley.adapter.inmemory.InMemoryStoreModule}. It is the embedded default store of the sample
 * server and the store of fast tests; each adapter passes its port's contract suite (run in
 * chat-testkit's tests). Nothing is persisted: state lives as long as the adapter instance.
 */
package dev.parley.adapter.inmemory;
