package dev.parley.protocol.rest;

import dev.parley.protocol.http.ApiResponse;

/** Answers one route: turns the call into a use-case command and the result into a response. */
@FunctionalInterface
public interface RouteHandler {
  ApiResponse handle(Call call);
}
