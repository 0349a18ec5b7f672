/**
 * Test doubles for the ports a test wants to steer or observe: a clock that moves only when told
 * ({@link dev.parley.testkit.adapter.ControllableClockAdapter}), predictable ids ({@link
 * dev.parley.testkit.adapter.SequentialIdGeneratorAdapter}) and a delivery that records what it was
 * asked to send ({@link dev.parley.testkit.adapter.InMemoryEventDeliveryAdapter}). Each passes its
 * port's contract suite.
 */
package dev.parley.testkit.adapter;
