import type { components } from './generated/openapi.js';
import type { Problem } from './problem.js';

type Message = components['schemas']['Message'];
type EventName = components['schemas']['Event']['event'];

/**
 * An event of a subscribed room (see docs/websocket-protocol.md#events). Messages recovered
 * from a resume or from history are delivered as `message.posted` in their current state.
 */
export interface ChatEvent {
  type: 'event';
  event: EventName | (string & {});
  roomId: string;
  /** The sequence of the message the event is about; absent for other events. */
  sequence?: number;
  at: string;
  data: Record<string, unknown>;
}

export interface SubscribeResult {
  roomId: string;
  subscribed: boolean;
  resume?: components['schemas']['Resume'];
  problem?: Problem;
}

export type ServerFrame =
  | { type: 'hello'; connectionId: string; userId: string; unread?: components['schemas']['Unread'] }
  | { type: 'ack'; action: string; requestId?: string; result?: unknown }
  | { type: 'pong'; requestId?: string }
  | { type: 'error'; action?: string; requestId?: string; problem: Problem }
  | ChatEvent;

export function postedEvent(message: Message): ChatEvent {
  return {
    type: 'event',
    event: 'message.posted',
    roomId: message.roomId,
    sequence: message.sequence,
    at: message.createdAt,
    data: message as unknown as Record<string, unknown>,
  };
}
