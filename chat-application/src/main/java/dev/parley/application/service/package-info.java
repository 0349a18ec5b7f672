/**
 * The services: one per use case, each a thin script over the domain rules and the outbound ports.
 * Shared steps (entering a room, publishing events, cursors, rate limits, views) live in small
 * package-private helpers here.
 */
package dev.parley.application.service;
