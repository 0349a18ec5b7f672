package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.parley.protocol.auth.Authenticator;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.ws.Handshake;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda REQUEST authorizer for a WebSocket API's {@code $connect} route (the only route a
 * WebSocket API authorizes). The protocol's {@link Handshake} verifies the token of the handshake
 * ({@code Authorization}, a {@code parley.token.<jwt>} subprotocol in {@code
 * Sec-WebSocket-Protocol}, or the {@code token} query parameter); this handler answers with an IAM
 * policy: {@code Allow execute-api:Invoke} on the {@code methodArn} with {@code principalId} and
 * {@code context.userId} set to the user, or {@code Deny} (API Gateway then refuses the connection
 * with 403). Configure the identity sources as {@code route.request.querystring.token} or {@code
 * route.request.header.Sec-WebSocket-Protocol}; the {@code $connect} integration echoes the
 * subprotocol. Never throws.
 */
public class ConnectAuthorizerHandler
    implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectAuthorizerHandler.class);

  /** The principal of a denied request; never a user id. */
  static final String ANONYMOUS = "anonymous";

  private final Handshake handshake;

  public ConnectAuthorizerHandler(IdentityResolver identity) {
    this.handshake = new Handshake(new Authenticator(identity));
  }

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    String methodArn = event == null || event.getMethodArn() == null ? "*" : event.getMethodArn();
    Handshake.Request request =
        HttpEvents.handshake(
            event == null ? null : event.getHeaders(),
            event == null ? null : event.getQueryStringParameters(),
            null,
            HttpEvents.requestId(null, context));
    return switch (handshake.accept(request)) {
      case Handshake.Accepted ok -> allow(methodArn, ok);
      case Handshake.Refused refused -> {
        if (refused.fault() != null) {
          LOG.error("the authorizer failed", refused.fault());
        } else if (refused.problem().type() == ProblemType.AUTHENTICATION_UNAVAILABLE) {
          LOG.warn("cannot verify a $connect token: {}", refused.problem().detail());
        }
        yield deny(methodArn, refused.problem().detail());
      }
    };
  }

  /**
   * API Gateway hands the context to every later frame of the connection, so the token's expiry
   * travels with it and the {@code $default} handler can refuse frames once it has passed.
   */
  private static IamPolicyResponse allow(String methodArn, Handshake.Accepted ok) {
    String userId = ok.user().value();
    Map<String, Object> context =
        ok.expiresAt() == null
            ? Map.of(HttpEvents.USER_ID, userId)
            : Map.of(
                HttpEvents.USER_ID,
                userId,
                HttpEvents.TOKEN_EXPIRES_AT,
                ok.expiresAt().getEpochSecond());
    return policy(userId, IamPolicyResponse.allowStatement(methodArn), context);
  }

  private static IamPolicyResponse deny(String methodArn, String reason) {
    LOG.debug("$connect denied: {}", reason);
    return policy(ANONYMOUS, IamPolicyResponse.denyStatement(methodArn), Map.of("reason", reason));
  }

  private static IamPolicyResponse policy(
      String principal, IamPolicyResponse.Statement statement, Map<String, Object> context) {
    return IamPolicyResponse.builder()
        .withPrincipalId(principal)
        .withPolicyDocument(
            IamPolicyResponse.PolicyDocument.builder()
                .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                .withStatement(List.of(statement))
                .build())
        .withContext(context)
        .build();
  }
}
