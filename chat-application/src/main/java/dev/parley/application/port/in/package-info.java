/**
 * Inbound ports: one use case per action ({@code VerbNounUseCase}), taking a command record (or a
 * query record for reads) that carries Jakarta Validation constraints. Every use case validates its
 * input first and reports all violations together; refusals are thrown as {@link
 * dev.parley.application.error.ChatException} subtypes. The acting user is authenticated by the
 * edge and never comes from the request body.
 */
package dev.parley.application.port.in;
