package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API's translation, both ways: a Jetty request to the {@link APIGatewayV2HTTPEvent}
 * (payload 2.0) API Gateway sends, and the function's answer back to the client.
 */
final class HttpApiEvents {
  private HttpApiEvents() {}

  /**
   * The event of one request on stage {@code $default}: {@code rawPath}, {@code rawQueryString},
   * lower-cased {@code headers} with repeated values joined by commas, the {@code Cookie} header as
   * {@code cookies}; the body as text when it is valid UTF-8, else base64-encoded.
   */
  static APIGatewayV2HTTPEvent toEvent(Request request, byte[] body, String domainName) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        cookies.addAll(cookies(field.getValue()));
      } else {
        headers.merge(name, field.getValue(), (a, b) -> a + "," + b);
      }
    }
    String rawQuery = request.getHttpURI().getQuery();
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("$default");
    event.setRawPath(request.getHttpURI().getPath());
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setCookies(cookies.isEmpty() ? null : cookies);
    event.setHeaders(headers);
    Map<String, String> query = QueryStrings.joinedValues(rawQuery);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    event.setRequestContext(context(request, headers.get("user-agent"), domainName));
    authorizer(request, event.getRequestContext());
    setBody(event, body);
    return event;
  }

  /** The function's answer as the HTTP response: status, headers, cookies, decoded body. */
  static boolean reply(Response response, Callback callback, APIGatewayV2HTTPResponse answer) {
    response.setStatus(answer.getStatusCode());
    if (answer.getHeaders() != null) {
      answer.getHeaders().forEach((name, value) -> response.getHeaders().put(name, value));
    }
    if (answer.getCookies() != null) {
      answer.getCookies().forEach(c -> response.getHeaders().add("Set-Cookie", c));
    }
    byte[] out =
        answer.getBody() == null
            ? new byte[0]
            : answer.getIsBase64Encoded()
                ? Base64.getDecoder().decode(answer.getBody())
                : answer.getBody().getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put("Content-Length", out.length);
    response.write(true, ByteBuffer.wrap(out), callback);
    return true;
  }

  private static List<String> cookies(String header) {
    List<String> cookies = new ArrayList<>();
    for (String cookie : header.split(";")) {
      if (!cookie.isBlank()) {
        cookies.add(cookie.strip());
      }
    }
    return cookies;
  }

  private static APIGatewayV2HTTPEvent.RequestContext context(
      Request request, String userAgent, String domainName) {
    long now = System.currentTimeMillis();
    var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(request.getMethod());
    http.setPath(request.getHttpURI().getPath());
    http.setProtocol(request.getConnectionMetaData().getProtocol());
    http.setSourceIp("127.0.0.1");
    http.setUserAgent(userAgent);
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setRouteKey("$default");
    context.setAccountId(ApiGatewayEmulator.ACCOUNT_ID);
    context.setApiId(ApiGatewayEmulator.API_ID);
    context.setStage("$default");
    context.setDomainName(domainName);
    context.setDomainPrefix(ApiGatewayEmulator.API_ID);
    context.setRequestId(EventStamps.eventId());
    context.setTime(EventStamps.requestTime(now));
    context.setTimeEpoch(now);
    context.setHttp(http);
    return context;
  }

  /** What {@link HttpApiAuthorizer} verified, where API Gateway's JWT authorizer puts it. */
  @SuppressWarnings("unchecked")
  private static void authorizer(Request request, APIGatewayV2HTTPEvent.RequestContext context) {
    Object claims = request.getAttribute(HttpApiAuthorizer.CLAIMS);
    if (claims == null) {
      return;
    }
    var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims((Map<String, String>) claims);
    jwt.setScopes((List<String>) request.getAttribute(HttpApiAuthorizer.SCOPES));
    var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    context.setAuthorizer(authorizer);
  }

  private static void setBody(APIGatewayV2HTTPEvent event, byte[] body) {
    if (body.length == 0) {
      event.setIsBase64Encoded(false);
      return;
    }
    String text = utf8(body);
    event.setIsBase64Encoded(text == null);
    event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
  }

  /** The body as text when it is valid UTF-8, else null (API Gateway then base64-encodes it). */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
