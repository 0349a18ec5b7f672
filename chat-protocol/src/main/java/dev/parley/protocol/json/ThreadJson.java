package dev.parley.protocol.json;

import dev.parley.application.port.in.ThreadView;

/** A thread on the wire: the root (with its {@code replyCount}) and its latest reply. */
public record ThreadJson(MessageJson root, MessageJson lastReply) {
  public static ThreadJson of(ThreadView thread) {
    return new ThreadJson(MessageJson.of(thread.root()), MessageJson.of(thread.lastReply()));
  }
}
