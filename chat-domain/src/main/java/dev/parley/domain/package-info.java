/**
 * The chat domain: plain Java 21 with no dependencies. One package per concept; rules answer with
 * values ({@link dev.parley.domain.access.Decision}), never with exceptions, except for programming
 * errors (an invariant of a value type broken by its caller).
 */
package dev.parley.domain;
