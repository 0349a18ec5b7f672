import { afterEach, describe, expect, inject, it } from 'vitest';
import { ParleyProblemError, type ParleyClient, type Disconnect } from '../src/index.js';
import { clientFor, CuttableProxy, mintToken, recorder, until } from './support.js';

const servers = inject('servers');
let opened: ParleyClient[] = [];
let proxies: CuttableProxy[] = [];

afterEach(async () => {
  opened.forEach((c) => c.close());
  opened = [];
  await Promise.all(proxies.map((p) => p.stop()));
  proxies = [];
});

function track<T extends ParleyClient>(client: T): T {
  opened.push(client);
  return client;
}

/** Users are only token subjects: fresh names keep each scenario clear of others' rate limits. */
function user(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

describe.each(['fargate', 'lambda'] as const)('on the %s runtime', (runtime) => {
  const baseUrl = servers[runtime];

  it('two clients chat', async () => {
    const [aliceId, bobId] = [user('alice'), user('bob')];
    const alice = track(clientFor(baseUrl, aliceId));
    const bob = track(clientFor(baseUrl, bobId));
    const room = await alice.rest.createRoom({ name: 'general', type: 'private' });
    await alice.rest.inviteMember(room.id, bobId);
    const seen = recorder(bob);
    await bob.connect();
    expect(bob.state).toBe('open');
    await bob.subscribe(room.id);

    const posted = await alice.post(room.id, 'hello bob');

    await until(() => seen.posted(room.id).length === 1, 'bob to receive the message');
    const event = seen.posted(room.id)[0]!;
    expect(event.sequence).toBe(posted.sequence);
    expect(event.data).toMatchObject({ id: posted.id, author: aliceId, text: 'hello bob' });
    const history = await bob.rest.listHistory(room.id);
    expect(history.messages.map((m) => [m.id, m.text])).toEqual([[posted.id, 'hello bob']]);
  });

  it('a repeated post with the same clientMessageId is one message', async () => {
    const alice = track(clientFor(baseUrl, user('alice')));
    const room = await alice.rest.createRoom({ name: 'retries', type: 'public' });
    const first = await alice.post(room.id, 'once', { clientMessageId: 'c-1' });
    const again = await alice.post(room.id, 'once', { clientMessageId: 'c-1' });
    expect(again.id).toBe(first.id);
    expect((await alice.rest.listHistory(room.id)).messages).toHaveLength(1);
  });

  it('a refused request throws the problem document', async () => {
    const alice = track(clientFor(baseUrl, user('alice')));
    const error = await alice.rest.getRoom('no-such-room').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyProblemError);
    expect((error as ParleyProblemError).status).toBe(404);
    expect((error as ParleyProblemError).type).toBe('https://parley.dev/problems/not-found');
  });

  it('a client whose socket is cut mid-burst ends with every message once, in order', async () => {
    const [posterA, posterB, bobId] = [user('ann'), user('ben'), user('bob')];
    const ann = track(clientFor(baseUrl, posterA));
    const ben = track(clientFor(baseUrl, posterB));
    const room = await ann.rest.createRoom({ name: 'burst', type: 'public' });
    await ben.rest.joinRoom(room.id);
    const proxy = await new CuttableProxy(new URL(baseUrl)).start();
    proxies.push(proxy);
    const bob = track(
      clientFor(baseUrl, bobId, { webSocketUrl: `ws://127.0.0.1:${proxy.port}/ws` }),
    );
    await bob.rest.joinRoom(room.id);
    const seen = recorder(bob);
    const states: string[] = [];
    bob.onStateChange((s) => states.push(s));
    await bob.connect();
    await bob.subscribe(room.id);

    // Two posters keep each under the per-user limit of 30 posts in 10 s.
    const texts: string[] = [];
    for (let i = 1; i <= 50; i++) {
      const text = `burst ${i}`;
      texts.push(text);
      await (i % 2 === 1 ? ann : ben).post(room.id, text);
      if (i === 20) proxy.cut();
    }

    await until(() => seen.posted(room.id).length >= 50, 'all 50 messages at bob');
    await new Promise((r) => setTimeout(r, 500)); // room for a late duplicate to show
    const received = seen.posted(room.id);
    expect(received.map((e) => (e.data as { text: string }).text)).toEqual(texts);
    expect(received.map((e) => e.sequence)).toEqual(texts.map((_, i) => i + 1));
    expect(states).toContain('reconnecting');
    expect(bob.state).toBe('open');
  });

  it('an expired token is refreshed and the client resumes', async () => {
    const [aliceId, bobId] = [user('alice'), user('bob')];
    const alice = track(clientFor(baseUrl, aliceId));
    const room = await alice.rest.createRoom({ name: 'expiry', type: 'public' });
    let tokens = 0;
    const bob = track(
      clientFor(baseUrl, bobId, {
        // The first token lives 2 s; every later one an hour.
        getToken: () => mintToken(bobId, tokens++ === 0 ? 2 : 3600),
      }),
    );
    const disconnects: Disconnect[] = [];
    bob.onDisconnect((d) => disconnects.push(d));
    const seen = recorder(bob);
    await bob.connect();
    await bob.rest.joinRoom(room.id);
    await bob.subscribe(room.id);
    await alice.post(room.id, 'before expiry');
    await until(() => seen.posted(room.id).length === 1, 'the first message');

    await until(() => disconnects.length > 0, 'the connection to end at expiry', 10_000);
    await alice.post(room.id, 'after expiry');

    await until(() => seen.posted(room.id).length === 2, 'the message posted after expiry');
    expect(tokens).toBeGreaterThanOrEqual(2);
    if (runtime === 'fargate') {
      expect(disconnects[0]).toEqual({ code: 1008, reason: 'token expired' });
    }
    expect(seen.posted(room.id).map((e) => e.sequence)).toEqual([1, 2]);
    await until(() => bob.state === 'open', 'bob to be connected again');
  });
});
