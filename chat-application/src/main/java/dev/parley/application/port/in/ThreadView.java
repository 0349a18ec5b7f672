package dev.parley.application.port.in;

/**
 * A thread as a listing shows it.
 *
 * @param root the thread root, whose {@code replyCount} counts the replies; never null
 * @param lastReply the reply with the highest sequence; never null
 */
public record ThreadView(MessageView root, MessageView lastReply) {}
