package dev.parley.application.port.in;

/**
 * The result of a post.
 *
 * @param replay true when the client message id had been used before: {@code message} is the
 *     original and nothing new was stored
 * @param rateLimit where the author stands against the post limits after this post; null on a
 *     replay, which takes no permit
 */
public record PostedMessage(MessageView message, boolean replay, RateLimitStatus rateLimit) {}
