package dev.parley.application.port.in;

/** A readiness probe's question; the store to check is the deployment's own. */
public record CheckStoreHealthQuery() {}
