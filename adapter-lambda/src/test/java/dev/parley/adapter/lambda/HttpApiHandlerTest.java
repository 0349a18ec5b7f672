package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP API (payload v2) events, loaded from AWS's documented example, through the handler. */
class HttpApiHandlerTest {
  private TestRuntime test;
  private HttpApiHandler handler;

  @BeforeEach
  void start() throws Exception {
    test = TestRuntime.withEndpoint();
    handler = new HttpApiHandler(test.runtime);
  }

  @AfterEach
  void stop() {
    test.close();
  }

  /** The documented event (JWT authorizer without {@code sub}), re-aimed. */
  private static APIGatewayV2HTTPEvent event(
      String method, String rawPath, String rawQuery, String user, String body) {
    APIGatewayV2HTTPEvent event = Events.load("http-v2.json", APIGatewayV2HTTPEvent.class);
    event.getRequestContext().getHttp().setMethod(method);
    event.getRequestContext().getHttp().setPath(rawPath);
    event.setRawPath(rawPath);
    event.setRawQueryString(rawQuery);
    event.setQueryStringParameters(null);
    event.setBody(body);
    Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
    headers.put("content-type", "application/json");
    if (user != null) {
      headers.put("authorization", "Bearer " + TestRuntime.token(user));
    }
    event.setHeaders(headers);
    return event;
  }

  private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return Events.MAPPER.readTree(response.getBody());
  }

  @Test
  void createsARoomPostsAndListsWithABearerToken() throws Exception {
    APIGatewayV2HTTPResponse room =
        send(event("POST", "/rooms", "", "alice", "{\"name\":\"general\",\"type\":\"PUBLIC\"}"));
    assertThat(room.getStatusCode()).isEqualTo(201);
    String roomId = json(room).get("id").asText();

    for (String text : List.of("one", "two", "three")) {
      APIGatewayV2HTTPResponse posted =
          send(
              event(
                  "POST",
                  "/rooms/" + roomId + "/messages",
                  "",
                  "alice",
                  "{\"text\":\"" + text + "\"}"));
      assertThat(posted.getStatusCode()).isEqualTo(201);
    }

    APIGatewayV2HTTPResponse history =
        send(event("GET", "/rooms/" + roomId + "/messages", "limit=2", "alice", null));
    assertThat(history.getStatusCode()).isEqualTo(200);
    assertThat(history.getBody()).contains("\"three\"").doesNotContain("\"one\"");
    assertThat(history.getHeaders()).containsEntry("X-Request-Id", "id");
  }

  @Test
  void theSubOfAJwtAuthorizerIsTheUser() throws Exception {
    APIGatewayV2HTTPEvent create =
        event("POST", "/rooms", null, null, "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    create.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "carol"));

    APIGatewayV2HTTPResponse room = send(create);

    assertThat(room.getStatusCode()).isEqualTo(201);
    assertThat(json(room).get("createdBy").asText()).isEqualTo("carol");
  }

  @Test
  void theUserIdOfALambdaAuthorizerIsTheUser() throws Exception {
    APIGatewayV2HTTPEvent create =
        event("POST", "/rooms", null, null, "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    create.getRequestContext().getAuthorizer().setJwt(null);
    create.getRequestContext().getAuthorizer().setLambda(Map.of("userId", "dave"));

    APIGatewayV2HTTPResponse room = send(create);

    assertThat(room.getStatusCode()).isEqualTo(201);
    assertThat(json(room).get("createdBy").asText()).isEqualTo("dave");
  }

  @Test
  void theDocumentedEventWithoutSubOrTokenIs401() throws Exception {
    APIGatewayV2HTTPResponse response =
        send(Events.load("http-v2.json", APIGatewayV2HTTPEvent.class));
    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void decodesABase64Body() throws Exception {
    APIGatewayV2HTTPEvent create = event("POST", "/rooms", null, "alice", null);
    create.setBody(
        Base64.getEncoder()
            .encodeToString(
                "{\"name\":\"b64\",\"type\":\"PUBLIC\"}".getBytes(StandardCharsets.UTF_8)));
    create.setIsBase64Encoded(true);
    APIGatewayV2HTTPResponse room = send(create);
    assertThat(room.getStatusCode()).isEqualTo(201);
    assertThat(json(room).get("name").asText()).isEqualTo("b64");
  }

  @Test
  void malformedBodiesBadEventsAndUnknownRoutesAre4xx() throws Exception {
    assertThat(send(event("POST", "/rooms", "", "alice", "[1,")).getStatusCode()).isEqualTo(400);
    APIGatewayV2HTTPEvent badBase64 = event("POST", "/rooms", "", "alice", "%%%");
    badBase64.setIsBase64Encoded(true);
    assertThat(send(badBase64).getStatusCode()).isEqualTo(400);
    assertThat(send(event("GET", "/nowhere", "", "alice", null)).getStatusCode()).isEqualTo(404);
    assertThat(send(null).getStatusCode()).isEqualTo(400);
    assertThat(send(new APIGatewayV2HTTPEvent()).getStatusCode()).isEqualTo(400);
    APIGatewayV2HTTPEvent badQuery = event("GET", "/rooms", "limit=%zz", "alice", null);
    assertThat(send(badQuery).getStatusCode()).isEqualTo(400);
  }

  @Test
  void parsesRepeatedQueryParametersFromTheRawQueryString() {
    assertThat(HttpEvents.rawQuery("parameter1=value1&parameter1=value2&parameter2=a%20b"))
        .containsEntry("parameter1", List.of("value1", "value2"))
        .containsEntry("parameter2", List.of("a b"));
  }
}
