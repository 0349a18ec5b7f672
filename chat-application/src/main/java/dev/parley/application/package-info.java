/**
 * The use-case core: inbound ports ({@code port.in}, one use case per action), outbound ports
 * ({@code port.out}, small and named by capability) and the services that implement the use cases.
 * No AWS, SQL, JSON or HTTP here.
 */
package dev.parley.application;
