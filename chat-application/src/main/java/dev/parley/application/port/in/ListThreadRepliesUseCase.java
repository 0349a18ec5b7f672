package dev.parley.application.port.in;

/** Lists the replies to a thread root, oldest first, page by page. */
public interface ListThreadRepliesUseCase {
  Page<MessageView> listThreadReplies(ListThreadRepliesQuery query);
}
