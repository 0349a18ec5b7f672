package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A function behind the Lambda Invoke API: a payload in, a payload out, bound to a {@link
 * RequestHandler} as the Lambda runtime binds one (JSON to the handler's input type, its result
 * back to JSON; unknown properties are ignored). The handler runs with no {@code Context}, as every
 * function of the emulator does.
 */
interface LocalFunction {
  /**
   * Runs the function once.
   *
   * @throws IOException when the payload is not JSON of the input type
   * @throws RuntimeException whatever the handler throws: a function error
   */
  byte[] invoke(byte[] payload) throws IOException;

  ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static <I, O> LocalFunction of(Class<I> input, RequestHandler<I, O> handler) {
    return payload ->
        JSON.writeValueAsBytes(handler.handleRequest(JSON.readValue(payload, input), null));
  }
}
