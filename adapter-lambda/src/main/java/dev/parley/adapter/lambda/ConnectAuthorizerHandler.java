package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.IdentityResolver;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda REQUEST authorizer for a WebSocket API's {@code $connect} route (the only route a
 * WebSocket API authorizes). It verifies the token of the handshake ({@code Authorization}, a
 * {@code parley.token.<jwt>} subprotocol in {@code Sec-WebSocket-Protocol}, or the {@code token}
 * query parameter) and answers with an IAM policy: {@code Allow execute-api:Invoke} on the {@code
 * methodArn} with {@code principalId} and {@code context.userId} set to the user, or {@code Deny}
 * (API Gateway then refuses the connection with 403). Configure the identity sources as {@code
 * route.request.querystring.token} or {@code route.request.header.Sec-WebSocket-Protocol}; the
 * {@code $connect} integration echoes the subprotocol. Never throws.
 */
public class ConnectAuthorizerHandler
    implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectAuthorizerHandler.class);

  /** The principal of a denied request; never a user id. */
  static final String ANONYMOUS = "anonymous";

  private final IdentityResolver identity;

  public ConnectAuthorizerHandler(IdentityResolver identity) {
    this.identity = identity;
  }

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    String methodArn = event == null || event.getMethodArn() == null ? "*" : event.getMethodArn();
    HandshakeCredentials credentials =
        event == null
            ? new HandshakeCredentials(null, null)
            : HandshakeCredentials.of(event.getHeaders(), event.getQueryStringParameters());
    if (credentials.token() == null) {
      return deny(methodArn, "missing token");
    }
    try {
      return switch (identity.authenticate(credentials.token())) {
        case Authentication.Authenticated ok -> allow(methodArn, ok.userId().value());
        case Authentication.Rejected rejected -> deny(methodArn, rejected.reason());
        case Authentication.Unavailable unavailable -> {
          LOG.warn("cannot verify a $connect token: {}", unavailable.reason());
          yield deny(methodArn, unavailable.reason());
        }
      };
    } catch (RuntimeException e) {
      LOG.error("the authorizer failed", e);
      return deny(methodArn, "internal error");
    }
  }

  private static IamPolicyResponse allow(String methodArn, String userId) {
    return policy(userId, IamPolicyResponse.allowStatement(methodArn), Map.of("userId", userId));
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
