import { backoffDelay, randomId, sleep, tokenExpiry } from './backoff.js';
import type { ChatEvent, ServerFrame, SubscribeResult } from './frames.js';
import { postedEvent } from './frames.js';
import { ConnectionLostError, ParleyProblemError, PROBLEM_TYPE_PREFIX } from './problem.js';
import { RestClient, type Message } from './rest.js';
import { RoomStream } from './room-stream.js';

export interface ParleyOptions {
  /** The server's HTTP base URL, for example http://localhost:8080. */
  baseUrl: string;
  /** Default: baseUrl with the ws/wss scheme and '/ws'. */
  webSocketUrl?: string;
  /** Called before each connect and when the token has expired or was refused (401). */
  getToken: () => string | Promise<string>;
  /** Node 20 has no global WebSocket: pass the `ws` package's. */
  WebSocket?: typeof globalThis.WebSocket;
  fetch?: typeof globalThis.fetch;
}

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Why a connection ended, for logging and diagnostics. */
export interface Disconnect {
  code: number;
  reason: string;
}

const HEARTBEAT_MS = 30_000;
const PONG_TIMEOUT_MS = 10_000;
const POST_ATTEMPTS = 6;
/** Client-chosen close code: the token ran out and the server refused a frame for it. */
const CLOSE_TOKEN_EXPIRED = 4001;
const CLOSE_DEAD = 4002;

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A Parley connection: typed REST calls plus a WebSocket that reconnects, resumes every
 * subscribed room where it left off and hands events over in sequence order, each once.
 */
export class ParleyClient {
  readonly rest: RestClient;
  private currentState: ConnectionState = 'idle';
  private readonly options: ParleyOptions;
  private readonly WebSocketImpl: typeof globalThis.WebSocket;
  private readonly fetchImpl: typeof globalThis.fetch;
  private token: string | undefined;
  private socket: WebSocket | undefined;
  private attempt = 0;
  private nextRequest = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly rooms = new Map<string, RoomStream>();
  private readonly eventListeners = new Set<(event: ChatEvent) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly disconnectListeners = new Set<(info: Disconnect) => void>();
  private openWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;
  private reconnectAtOnce = false;

  constructor(options: ParleyOptions) {
    this.options = options;
    const WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
    if (!WebSocketImpl) {
      throw new Error('no WebSocket implementation: pass one (such as the ws package) in options');
    }
    this.WebSocketImpl = WebSocketImpl;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.rest = new RestClient({
      baseUrl: options.baseUrl,
      fetch: this.fetchImpl,
      token: (refresh) => this.currentToken(refresh),
    });
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Resolves once the socket is open; keeps retrying (with backoff) until then or close(). */
  connect(): Promise<void> {
    if (this.currentState === 'open') return Promise.resolve();
    const opened = this.whenOpen();
    if (this.currentState === 'idle' || this.currentState === 'closed') {
      this.setState('connecting');
      this.attempt = 0;
      void this.open();
    }
    return opened;
  }

  close(): void {
    this.setState('closed');
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    clearInterval(this.heartbeat);
    this.rooms.forEach((room) => room.close());
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'client closed');
    this.failPending(new ConnectionLostError('the client was closed'));
    this.openWaiters.splice(0).forEach((w) => w.reject(new ConnectionLostError('the client was closed')));
  }

  /**
   * Starts delivering the room's events. Without `afterSeq` (the last sequence the caller already
   * has) the stream starts at the room's current end. Remembered across reconnects.
   */
  async subscribe(roomId: string, options: { afterSeq?: number } = {}): Promise<void> {
    let room = this.rooms.get(roomId);
    if (!room) {
      const highest = options.afterSeq ?? (await this.rest.getRoom(roomId)).lastSequence ?? 0;
      room = this.rooms.get(roomId);
      if (!room) {
        room = new RoomStream(roomId, highest, (e) => this.emit(e), (id, q) => this.rest.listHistory(id, q));
        this.rooms.set(roomId, room);
      }
    }
    for (;;) {
      await this.whenOpen();
      try {
        await this.subscribeOnSocket([room]);
        return;
      } catch (error) {
        if (!(error instanceof ConnectionLostError) || this.currentState === 'closed') {
          throw error;
        }
        // The reconnect resubscribes every remembered room; wait for it and confirm.
      }
    }
  }

  async unsubscribe(roomId: string): Promise<void> {
    const room = this.rooms.get(roomId);
    if (!room) return;
    room.close();
    this.rooms.delete(roomId);
    if (this.currentState === 'open') {
      await this.request({ action: 'unsubscribe', roomIds: [roomId] }).catch((error) => {
        if (!(error instanceof ConnectionLostError)) throw error;
      });
    }
  }

  onEvent(listener: (event: ChatEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Each time a connection ends, with the close code the socket reported. */
  onDisconnect(listener: (info: Disconnect) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  /**
   * Posts over REST. The clientMessageId makes every retry (after a network error, 503 or 429)
   * return the same message instead of posting it again.
   */
  async post(
    roomId: string,
    text: string,
    options: { threadRootId?: string; clientMessageId?: string } = {},
  ): Promise<Message> {
    const body = {
      text,
      clientMessageId: options.clientMessageId ?? randomId(),
      ...(options.threadRootId ? { parentId: options.threadRootId } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.rest.postMessage(roomId, body);
      } catch (error) {
        const retryable =
          error instanceof TypeError || // fetch's network failure
          (error instanceof ParleyProblemError && (error.status === 503 || error.status === 429));
        if (!retryable || attempt + 1 >= POST_ATTEMPTS || this.currentState === 'closed') throw error;
        const hinted = error instanceof ParleyProblemError ? error.retryAfterSeconds : undefined;
        await sleep(hinted !== undefined ? hinted * 1000 : backoffDelay(attempt));
      }
    }
  }

  private async currentToken(refresh: boolean): Promise<string> {
    const exp = this.token === undefined ? undefined : tokenExpiry(this.token);
    const expired = exp !== undefined && exp * 1000 <= Date.now();
    if (refresh || this.token === undefined || expired) {
      this.token = await this.options.getToken();
    }
    return this.token;
  }

  private webSocketUrl(): string {
    if (this.options.webSocketUrl) return this.options.webSocketUrl;
    return this.options.baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '') + '/ws';
  }

  private async open(): Promise<void> {
    let token: string;
    try {
      // A new connection always gets a token fresh from the application.
      token = await this.currentToken(true);
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.currentState === 'closed') return;
    // Browsers cannot set Authorization on a WebSocket; the subprotocol keeps the token out of URLs.
    const socket = new this.WebSocketImpl(this.webSocketUrl(), [`parley.token.${token}`]);
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.lastFrameAt = Date.now();
      this.setState('open');
      this.startHeartbeat(socket);
      this.watchExpiry(socket, token);
      this.openWaiters.splice(0).forEach((w) => w.resolve());
      if (this.rooms.size > 0) {
        this.subscribeOnSocket([...this.rooms.values()]).catch(() => {
          // A refused room is reported to its subscribe() caller; a lost socket reconnects.
        });
      }
    });
    socket.addEventListener('message', (message) => {
      if (this.socket !== socket) return;
      this.lastFrameAt = Date.now();
      if (typeof message.data === 'string') this.onFrame(socket, JSON.parse(message.data) as ServerFrame);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      clearInterval(this.heartbeat);
      this.failPending(new ConnectionLostError());
      this.disconnectListeners.forEach((l) => l({ code: event.code, reason: event.reason }));
      if (this.currentState === 'closed') return;
      // A server going away (1001) or an expired token: another node or a new token is ready now.
      const atOnce = this.reconnectAtOnce || event.code === 1001 || event.code === 1008;
      this.reconnectAtOnce = false;
      this.setState('reconnecting');
      this.scheduleReconnect(atOnce ? 0 : undefined);
    });
    socket.addEventListener('error', () => {
      // Always followed by 'close', which reconnects.
    });
  }

  private scheduleReconnect(delayMs?: number): void {
    if (this.currentState === 'closed') return;
    const delay = delayMs ?? backoffDelay(this.attempt);
    this.attempt += 1;
    this.later(delay, () => void this.open());
  }

  private onFrame(socket: WebSocket, frame: ServerFrame): void {
    switch (frame.type) {
      case 'event':
        this.rooms.get(frame.roomId)?.accept(frame);
        return;
      case 'ack':
      case 'pong':
        this.settle(frame.requestId, (p) => p.resolve(frame.type === 'ack' ? frame.result : undefined));
        return;
      case 'error':
        if (frame.problem.type === `${PROBLEM_TYPE_PREFIX}unauthenticated`) {
          // Behind API Gateway the token's end shows as a refused frame, not a close.
          this.reconnectAtOnce = true;
          socket.close(CLOSE_TOKEN_EXPIRED, 'token expired');
        }
        this.settle(frame.requestId, (p) => p.reject(new ParleyProblemError(frame.problem)));
        return;
      default:
        return; // hello, and frame types a newer server may add
    }
  }

  private settle(requestId: string | undefined, action: (pending: Pending) => void): void {
    if (requestId === undefined) return;
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    action(pending);
  }

  private async subscribeOnSocket(rooms: RoomStream[]): Promise<void> {
    const result = (await this.request({
      action: 'subscribe',
      rooms: rooms.map((room) => ({ roomId: room.roomId, afterSeq: room.highest })),
    })) as { rooms: SubscribeResult[] };
    let refused: ParleyProblemError | undefined;
    for (const answer of result.rooms) {
      const room = this.rooms.get(answer.roomId);
      if (!room) continue;
      if (!answer.subscribed) {
        room.close();
        this.rooms.delete(answer.roomId);
        refused ??= new ParleyProblemError(answer.problem!);
        continue;
      }
      for (const message of answer.resume?.messages ?? []) room.accept(postedEvent(message));
      if (answer.resume) room.reached(answer.resume.lastSequence);
    }
    if (refused) throw refused;
  }

  private request(frame: Record<string, unknown>): Promise<unknown> {
    const socket = this.socket;
    if (!socket || this.currentState !== 'open') {
      return Promise.reject(new ConnectionLostError('not connected'));
    }
    const requestId = String(this.nextRequest++);
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      socket.send(JSON.stringify({ ...frame, requestId }));
    });
  }

  private startHeartbeat(socket: WebSocket): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastFrameAt > HEARTBEAT_MS + PONG_TIMEOUT_MS) {
        socket.close(CLOSE_DEAD, 'no answer to ping');
        return;
      }
      this.request({ action: 'ping', active: false }).catch(() => {});
    }, HEARTBEAT_MS);
  }

  /**
   * At the token's expiry, probe the connection: the Fargate server closes it itself (1008), API
   * Gateway only refuses the next frame, and a reconnect should not wait for the next heartbeat.
   */
  private watchExpiry(socket: WebSocket, token: string): void {
    const exp = tokenExpiry(token);
    if (exp === undefined) return;
    const delay = Math.max(0, exp * 1000 - Date.now() + 500);
    if (delay > 2 ** 31 - 1) return;
    this.later(delay, () => {
      if (this.socket === socket && this.currentState === 'open') {
        this.request({ action: 'ping', active: false }).catch(() => {});
      }
    });
  }

  private later(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    this.timers.add(timer);
  }

  private whenOpen(): Promise<void> {
    if (this.currentState === 'open') return Promise.resolve();
    if (this.currentState === 'closed') return Promise.reject(new ConnectionLostError('closed'));
    return new Promise((resolve, reject) => this.openWaiters.push({ resolve, reject }));
  }

  private failPending(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    pending.forEach((p) => p.reject(error));
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.stateListeners.forEach((listener) => listener(state));
  }

  private emit(event: ChatEvent): void {
    this.eventListeners.forEach((listener) => listener(event));
  }
}
