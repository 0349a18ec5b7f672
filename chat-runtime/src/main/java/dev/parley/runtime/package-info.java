/**
 * The production wiring of the use-case core, shared by every deployment: the system clock, UUIDv7
 * ids, the Hibernate Validator bootstrap and {@link dev.parley.runtime.CoreModule}, the one Dagger
 * module each deployment's component includes for them.
 */
package dev.parley.runtime;
