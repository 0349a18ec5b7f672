/**
 * Thread-safe in-memory adapters for every outbound port of {@code
 * dev.parley.application.port.out}: the embedded default store of the sample server and the store
 * of fast tests. Each adapter passes its port's contract suite in {@code
 * dev.parley.testkit.contract}. Nothing here is persisted; state lives as long as the adapter
 * instance.
 */
package dev.parley.testkit.adapter;
