import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { SignJWT } from 'jose';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { ParleyClient, type ChatEvent, type ParleyOptions } from '../src/index.js';

export async function mintToken(userId: string, ttlSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(inject('jwtSecret')));
}

export function clientFor(
  baseUrl: string,
  userId: string,
  extra: Partial<ParleyOptions> = {},
): ParleyClient {
  return new ParleyClient({
    baseUrl,
    getToken: () => mintToken(userId),
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    ...extra,
  });
}

/** Collects a client's events for assertions. */
export function recorder(client: ParleyClient) {
  const events: ChatEvent[] = [];
  client.onEvent((event) => events.push(event));
  return {
    events,
    posted(roomId: string) {
      return events.filter((e) => e.roomId === roomId && e.event === 'message.posted');
    },
  };
}

export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A TCP relay in front of the server whose connections can be cut like a failing network. */
export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  port = 0;

  constructor(private readonly target: URL) {}

  async start(): Promise<this> {
    this.server = createServer((inbound) => {
      const outbound = createConnection({ host: this.target.hostname, port: Number(this.target.port) });
      for (const [a, b] of [[inbound, outbound], [outbound, inbound]] as const) {
        this.sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
      }
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** Drops every open connection without a close frame (1006 on both ends). */
  cut(): void {
    this.sockets.forEach((s) => s.destroy());
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((ok) => this.server?.close(() => ok()) ?? ok());
  }
}
