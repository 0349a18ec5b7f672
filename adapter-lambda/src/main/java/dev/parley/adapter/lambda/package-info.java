/**
 * The AWS Lambda runtime of Parley: handlers for API Gateway REST (v1 proxy), HTTP (v2) and
 * WebSocket APIs, a {@code $connect} REQUEST authorizer, event delivery through the API Gateway
 * Management API ({@code @connections}) and SnapStart priming. Every handler routes through
 * chat-protocol, so a Lambda deployment answers exactly as the Fargate one does.
 *
 * <p>Handlers take a {@link dev.parley.adapter.lambda.LambdaRuntime} (a Dagger component) in their
 * constructor. A deployment subclasses each handler with a no-argument constructor that passes its
 * component, built once per execution environment in a static field (see {@link
 * dev.parley.deploy.lambda.DynamoDbLambda}); no reflection is involved.
 */
package dev.parley.adapter.lambda;
