/**
 * The transport-neutral chat protocol: REST routes ({@code rest}), WebSocket frames ({@code ws}),
 * JSON on the wire ({@code json}), RFC 9457 problems and the request/response shapes runtimes adapt
 * to ({@code http}), and JWT authentication ({@code auth}). Both the Fargate (Jetty) and the Lambda
 * runtime translate their native requests into {@link dev.parley.protocol.http.ApiRequest} and
 * back, so neither re-implements routing, JSON, error mapping, the WebSocket handshake ({@link
 * dev.parley.protocol.ws.Handshake}) or the facts of its access log ({@link
 * dev.parley.protocol.rest.RestOutcome}).
 */
package dev.parley.protocol;
