package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;

/**
 * The functions behind the APIs, typed by their Lambda contracts only, so that each piece of the
 * emulator can be tried with stand-ins.
 */
record LambdaFunctions(
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http,
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> webSocket,
    RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> authorizer) {}
