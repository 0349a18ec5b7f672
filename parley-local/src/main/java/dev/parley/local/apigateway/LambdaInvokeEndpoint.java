package dev.parley.local.apigateway;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's Invoke API, {@code POST /2015-03-31/functions/{FunctionName}/invocations}, for the
 * functions one Lambda function invokes itself (the fan-out function), so that the AWS SDK's Lambda
 * client works against the emulator. The function is named by name, name and qualifier, or ARN; an
 * unknown one is 404 {@code ResourceNotFoundException}. {@code X-Amz-Invocation-Type}:
 *
 * <ul>
 *   <li>{@code Event}: 202 at once; the function runs on a background thread, and a run that throws
 *       is tried twice more, as Lambda retries an asynchronous invocation, then logged where Lambda
 *       would send it to the on-failure destination. Payloads over 256 KB are 413 {@code
 *       RequestTooLargeException}.
 *   <li>{@code RequestResponse} (the default): runs the function and answers 200 with its result,
 *       or with {@code X-Amz-Function-Error: Unhandled} and the error when it throws. Payloads over
 *       6 MB are 413.
 *   <li>{@code DryRun}: 204.
 * </ul>
 *
 * <p>Requests are not signature-checked. Unlike Lambda, retries follow at once rather than after a
 * minute or two, and there is no concurrency limit.
 */
final class LambdaInvokeEndpoint extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaInvokeEndpoint.class);

  static final String PATH_PREFIX = "/2015-03-31/functions/";
  static final String PATH_SUFFIX = "/invocations";

  /** Lambda's limits for the payload of an asynchronous and of a synchronous invocation. */
  static final int MAX_EVENT_PAYLOAD_BYTES = 256 * 1024;

  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

  /** An asynchronous invocation runs once and is retried twice when it fails. */
  static final int EVENT_ATTEMPTS = 3;

  private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  void deploy(String name, LocalFunction function) {
    functions.put(name, function);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (!path.startsWith(PATH_PREFIX) || !path.endsWith(PATH_SUFFIX)) {
      return false;
    }
    String named =
        URLDecoder.decode(
            path.substring(PATH_PREFIX.length(), path.length() - PATH_SUFFIX.length()),
            StandardCharsets.UTF_8);
    if (!request.getMethod().equals("POST")) {
      return JsonReplies.message(response, callback, 405, "Method Not Allowed");
    }
    String name = functionName(named);
    LocalFunction function = functions.get(name);
    if (function == null) {
      return error(
          response, callback, 404, "ResourceNotFoundException", "Function not found: " + name);
    }
    String type = request.getHeaders().get("X-Amz-Invocation-Type");
    response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
    return switch (type == null ? "RequestResponse" : type) {
      case "Event" -> event(request, response, callback, name, function);
      case "RequestResponse" -> requestResponse(request, response, callback, function);
      case "DryRun" -> JsonReplies.write(response, callback, 204, null, "");
      default ->
          error(response, callback, 400, "InvalidParameterValueException", "invocation type");
    };
  }

  private boolean event(
      Request request, Response response, Callback callback, String name, LocalFunction function) {
    byte[] payload;
    try {
      payload = read(request, MAX_EVENT_PAYLOAD_BYTES);
    } catch (IOException e) {
      return unreadable(response, callback, e);
    }
    if (payload.length > MAX_EVENT_PAYLOAD_BYTES) {
      return tooLarge(response, callback, MAX_EVENT_PAYLOAD_BYTES);
    }
    try {
      background.execute(() -> runAsynchronously(name, function, payload));
    } catch (RejectedExecutionException e) {
      return error(response, callback, 503, "ServiceException", "the emulator is stopping");
    }
    return JsonReplies.write(response, callback, 202, null, "");
  }

  private static void runAsynchronously(String name, LocalFunction function, byte[] payload) {
    for (int attempt = 1; attempt <= EVENT_ATTEMPTS; attempt++) {
      try {
        function.invoke(payload);
        return;
      } catch (IOException | RuntimeException e) {
        if (attempt == EVENT_ATTEMPTS) {
          LOG.error(
              "the asynchronous invocation of {} failed {} times; Lambda would send it to the"
                  + " on-failure destination",
              name,
              attempt,
              e);
        } else {
          LOG.warn("the asynchronous invocation of {} failed; retrying: {}", name, e.toString());
        }
      }
    }
  }

  private static boolean requestResponse(
      Request request, Response response, Callback callback, LocalFunction function) {
    byte[] payload;
    try {
      payload = read(request, MAX_PAYLOAD_BYTES);
    } catch (IOException e) {
      return unreadable(response, callback, e);
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      return tooLarge(response, callback, MAX_PAYLOAD_BYTES);
    }
    response.getHeaders().put("X-Amz-Executed-Version", "$LATEST");
    String result;
    try {
      result = new String(function.invoke(payload), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      response.getHeaders().put("X-Amz-Function-Error", "Unhandled");
      result =
          "{\"errorMessage\":"
              + quote(String.valueOf(e.getMessage()))
              + ",\"errorType\":"
              + quote(e.getClass().getName())
              + "}";
    }
    return JsonReplies.write(response, callback, 200, "application/json", result);
  }

  /** The body, or its first {@code limit + 1} bytes when it is longer. */
  private static byte[] read(Request request, int limit) throws IOException {
    return Request.asInputStream(request).readNBytes(limit + 1);
  }

  private static boolean unreadable(Response response, Callback callback, IOException e) {
    LOG.debug("could not read an invocation's payload: {}", e.toString());
    return JsonReplies.message(response, callback, 400, "Bad Request");
  }

  private static boolean tooLarge(Response response, Callback callback, int limit) {
    return error(
        response,
        callback,
        413,
        "RequestTooLargeException",
        "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
  }

  private static boolean error(
      Response response, Callback callback, int status, String type, String message) {
    response.getHeaders().put("x-amzn-ErrorType", type);
    return JsonReplies.write(
        response,
        callback,
        status,
        "application/json",
        "{\"Type\":\"User\",\"message\":" + quote(message) + "}");
  }

  /**
   * The function's name in any of the forms Lambda accepts: {@code name}, {@code name:qualifier},
   * {@code account:function:name} and the full ARN, each with or without a qualifier.
   */
  static String functionName(String named) {
    int function = named.indexOf(":function:");
    String rest = function < 0 ? named : named.substring(function + ":function:".length());
    int qualifier = rest.indexOf(':');
    return qualifier < 0 ? rest : rest.substring(0, qualifier);
  }

  private static String quote(String text) {
    try {
      return LocalFunction.JSON.writeValueAsString(text);
    } catch (IOException e) {
      return "\"\"";
    }
  }

  /**
   * Takes no more invocations and waits, at most {@code timeout}, for those under way: their
   * function may use what its owner releases next (the store).
   */
  void close(Duration timeout) {
    background.shutdown();
    try {
      if (!background.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("asynchronous invocations were still running when the emulator stopped");
        background.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      background.shutdownNow();
    }
  }
}
