import type { components, operations } from './generated/openapi.js';
import { ParleyProblemError, type Problem } from './problem.js';

type Schemas = components['schemas'];
export type Room = Schemas['Room'];
export type RoomPage = Schemas['RoomPage'];
export type Member = Schemas['Member'];
export type MemberPage = Schemas['MemberPage'];
export type Message = Schemas['Message'];
export type History = Schemas['History'];
export type MessagePage = Schemas['MessagePage'];
export type ReadMarker = Schemas['ReadMarker'];
export type Unread = Schemas['Unread'];
export type TypingState = Schemas['TypingState'];
export type PresencePage = Schemas['PresencePage'];
export type CreateRoomRequest = Schemas['CreateRoomRequest'];
export type UpdateRoomRequest = Schemas['UpdateRoomRequest'];
export type PostMessageRequest = Schemas['PostMessageRequest'];
export type PageQuery = NonNullable<operations['listMyRooms']['parameters']['query']>;
export type HistoryQuery = NonNullable<operations['listHistory']['parameters']['query']>;

/** What the REST client needs from its owner: where, how to fetch, and the current token. */
export interface RestTransport {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  /** The token to use now; `refresh` asks for a new one (after a 401). */
  token(refresh: boolean): Promise<string>;
}

/** One typed method per REST operation of docs/openapi.yaml that a chat UI needs. */
export class RestClient {
  constructor(private readonly transport: RestTransport) {}

  createRoom(body: CreateRoomRequest): Promise<Room> {
    return this.call('POST', '/rooms', body);
  }
  listMyRooms(query: PageQuery = {}): Promise<RoomPage> {
    return this.call('GET', '/rooms' + queryString(query));
  }
  openDirectRoom(userId: string): Promise<Room> {
    return this.call('POST', '/direct-rooms', { userId });
  }
  getRoom(roomId: string): Promise<Room> {
    return this.call('GET', `/rooms/${seg(roomId)}`);
  }
  updateRoom(roomId: string, body: UpdateRoomRequest): Promise<Room> {
    return this.call('PATCH', `/rooms/${seg(roomId)}`, body);
  }
  listMembers(roomId: string, query: PageQuery = {}): Promise<MemberPage> {
    return this.call('GET', `/rooms/${seg(roomId)}/members` + queryString(query));
  }
  /** Joins a public room as the caller. */
  joinRoom(roomId: string): Promise<Member> {
    return this.call('POST', `/rooms/${seg(roomId)}/members`);
  }
  inviteMember(roomId: string, userId: string, role?: 'member' | 'guest'): Promise<Member> {
    return this.call('POST', `/rooms/${seg(roomId)}/members`, role ? { userId, role } : { userId });
  }
  leaveRoom(roomId: string, userId: string): Promise<void> {
    return this.call('DELETE', `/rooms/${seg(roomId)}/members/${seg(userId)}`);
  }
  /** Idempotent with `clientMessageId`: a repeat answers the original message. */
  postMessage(roomId: string, body: PostMessageRequest): Promise<Message> {
    return this.call('POST', `/rooms/${seg(roomId)}/messages`, body);
  }
  listHistory(roomId: string, query: HistoryQuery = {}): Promise<History> {
    return this.call('GET', `/rooms/${seg(roomId)}/messages` + queryString(query));
  }
  getMessage(roomId: string, messageId: string): Promise<Message> {
    return this.call('GET', `/rooms/${seg(roomId)}/messages/${seg(messageId)}`);
  }
  editMessage(roomId: string, messageId: string, text: string): Promise<Message> {
    return this.call('PATCH', `/rooms/${seg(roomId)}/messages/${seg(messageId)}`, { text });
  }
  deleteMessage(roomId: string, messageId: string): Promise<void> {
    return this.call('DELETE', `/rooms/${seg(roomId)}/messages/${seg(messageId)}`);
  }
  listThreadReplies(
    roomId: string,
    messageId: string,
    query: PageQuery = {},
  ): Promise<MessagePage> {
    return this.call(
      'GET',
      `/rooms/${seg(roomId)}/messages/${seg(messageId)}/replies` + queryString(query),
    );
  }
  addReaction(roomId: string, messageId: string, emoji: string): Promise<Message> {
    return this.call('PUT', reactionPath(roomId, messageId, emoji));
  }
  removeReaction(roomId: string, messageId: string, emoji: string): Promise<Message> {
    return this.call('DELETE', reactionPath(roomId, messageId, emoji));
  }
  markRead(roomId: string, sequence: number): Promise<ReadMarker> {
    return this.call('POST', `/rooms/${seg(roomId)}/read`, { sequence });
  }
  getUnreadCounts(): Promise<Unread> {
    return this.call('GET', '/me/unread');
  }
  sendTyping(roomId: string, typing = true): Promise<TypingState> {
    return this.call('POST', `/rooms/${seg(roomId)}/typing`, { typing });
  }
  getRoomPresence(roomId: string, query: PageQuery = {}): Promise<PresencePage> {
    return this.call('GET', `/rooms/${seg(roomId)}/presence` + queryString(query));
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response = await this.send(method, path, body, false);
    if (response.status === 401) {
      // The token may have expired since it was fetched: ask once for a fresh one.
      response = await this.send(method, path, body, true);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, body: unknown, refresh: boolean) {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await this.transport.token(refresh)}`,
      Accept: 'application/json, application/problem+json',
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return this.transport.fetch(this.transport.baseUrl.replace(/\/+$/, '') + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

async function problemOf(response: Response): Promise<ParleyProblemError> {
  const retryAfter = Number(response.headers.get('Retry-After') ?? NaN);
  const text = await response.text().catch(() => '');
  let problem: Problem;
  try {
    problem = JSON.parse(text) as Problem;
    if (typeof problem?.type !== 'string') throw new Error('not a problem');
  } catch {
    // A proxy or load balancer in between may answer with something else.
    problem = {
      type: 'about:blank' as Problem['type'],
      title: response.statusText || 'HTTP error',
      status: response.status,
      detail: text.slice(0, 200) || undefined,
    };
  }
  return new ParleyProblemError(problem, Number.isFinite(retryAfter) ? retryAfter : undefined);
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function reactionPath(roomId: string, messageId: string, emoji: string): string {
  return `/rooms/${seg(roomId)}/messages/${seg(messageId)}/reactions/${seg(emoji)}`;
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
