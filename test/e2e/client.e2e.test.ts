// The real client (Node entry, real CometD) against two real Bayeux servers: cometd-nodejs-server and faye.
import { filter, firstValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import { createGwsClient } from '../../src/node';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { ConnectionStatus } from '../../src/client/connection';
import { seedChatLog, seedChatState } from '../fixtures/seeds';
import { bayeuxServers, startCometDServer } from './servers';
import type { TestBayeuxServer } from './servers';

const CHATS = '/v2/me/chats';
const knobs = { backoffIncrement: 50, maxBackoff: 500, maxNetworkDelay: 3000, connectTimeout: 2000 } as const;

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

function collect<T>(o: Observable<T>): { values: T[]; errors: unknown[]; completed: () => boolean; stop: () => void } {
  const values: T[] = [];
  const errors: unknown[] = [];
  let done = false;
  const s = o.subscribe({ next: (v) => values.push(v), error: (e) => errors.push(e), complete: () => (done = true) });
  return { values, errors, completed: () => done, stop: () => s.unsubscribe() };
}

const until = (client: GwsClient, status: ConnectionStatus): Promise<unknown> =>
  firstValueFrom(client.connection$.pipe(filter((s) => s.status === status)));

describe.each(bayeuxServers)('against %s', (_kind, start) => {
  let server: TestBayeuxServer;
  let client: GwsClient;

  beforeEach(async () => {
    server = await start();
    client = createGwsClient({ url: server.url, ...knobs });
  });
  afterEach(async () => {
    await client.close();
    await server.close();
  });

  test('subscribes, receives documented payloads decoded, and routes a malformed one to decodeFailures$', async () => {
    const failures = collect(client.decodeFailures$);
    const chats = collect(client.topic(CHATS));
    await until(client, 'connected');
    await eventually(() => server.subscriberCount(CHATS) === 1, 'server sees the subscription');

    await server.publish(CHATS, seedChatLog.data);
    await server.publish(CHATS, { messageType: 'MessageLogUpdated', messages: 'not an array' });
    await server.publish(CHATS, seedChatState.data);
    await eventually(() => chats.values.length === 2 && failures.values.length === 1, 'two decoded, one failure');

    expect(chats.values[0]).toEqual(seedChatLog.data);
    expect(chats.values[1]).toMatchObject({ messageType: 'ChatStateChangeMessage' });
    expect(chats.errors).toEqual([]);
    expect(failures.values[0]).toMatchObject({ channel: CHATS, messageType: 'MessageLogUpdated' });
    expect(failures.values[0]?.errors.join('\n')).toMatch(/messages/);
    chats.stop();
  });

  test('two subscribers share ONE server-side subscription; the last unsubscribe removes it', async () => {
    const a = collect(client.topic(CHATS));
    const b = collect(client.topic(CHATS));
    await until(client, 'connected');
    await eventually(() => server.subscriberCount(CHATS) === 1, 'one subscription');
    expect(server.metaLog.filter((m) => m.meta === '/meta/subscribe' && m.subscription === CHATS)).toHaveLength(1);

    await server.publish(CHATS, seedChatLog.data);
    await eventually(() => a.values.length === 1 && b.values.length === 1, 'both got it');

    a.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(server.metaLog.some((m) => m.meta === '/meta/unsubscribe')).toBe(false);
    expect(server.subscriberCount(CHATS)).toBe(1);

    b.stop();
    await eventually(() => server.subscriberCount(CHATS) === 0, 'subscription removed');
    expect(server.metaLog.filter((m) => m.meta === '/meta/unsubscribe')).toEqual([
      { meta: '/meta/unsubscribe', subscription: CHATS },
    ]);
  });

  test('after a server restart (all sessions lost) the same subscription receives the next message', async () => {
    const states = collect(client.connection$);
    const chats = collect(client.topic(CHATS));
    await until(client, 'connected');
    await eventually(() => server.subscriberCount(CHATS) === 1, 'subscribed');
    await server.publish(CHATS, seedChatLog.data);
    await eventually(() => chats.values.length === 1, 'first message');

    await server.restart();
    expect(server.subscriberCount(CHATS)).toBe(0);
    await eventually(() => server.subscriberCount(CHATS) === 1, 'resubscribed on the new server');
    await server.publish(CHATS, seedChatState.data);
    await eventually(() => chats.values.length === 2, 'message after restart');

    expect(chats.values[1]).toMatchObject({ messageType: 'ChatStateChangeMessage' });
    expect(chats.errors).toEqual([]);
    expect(chats.completed()).toBe(false);
    expect(states.values.map((s) => s.status)).toContain('reconnecting');
    expect(states.values.at(-1)?.status).toBe('connected');
    chats.stop();
  });

  test('close() sends the disconnect, emits disconnected and completes the topic', async () => {
    const states = collect(client.connection$);
    const chats = collect(client.topic(CHATS));
    await until(client, 'connected');
    await eventually(() => server.subscriberCount(CHATS) === 1, 'subscribed');
    await client.close();
    expect(states.values.at(-1)?.status).toBe('disconnected');
    expect(states.completed()).toBe(true);
    expect(chats.completed()).toBe(true);
    await eventually(() => server.subscriberCount(CHATS) === 0, 'server dropped the session');
  });
});

test('user headers (Cookie, CSRF) reach cometd-nodejs-server on every request and its BAYEUX_BROWSER cookie is kept', async () => {
  const server = await startCometDServer();
  const client = createGwsClient({
    url: server.url,
    ...knobs,
    headers: { Cookie: 'JSESSIONID=abc123; LB=node7', 'X-CSRF-TOKEN': 'csrf-xyz' },
  });
  try {
    const chats = collect(client.topic(CHATS));
    await until(client, 'connected');
    await eventually(() => server.subscriberCount(CHATS) === 1, 'subscribed');
    await server.publish(CHATS, seedChatLog.data);
    await eventually(() => chats.values.length === 1, 'delivered');
    expect(server.requestHeaders.length).toBeGreaterThanOrEqual(3);
    for (const h of server.requestHeaders) {
      expect(h.cookie).toContain('JSESSIONID=abc123');
      expect(h['x-csrf-token']).toBe('csrf-xyz');
    }
    // Every request after the handshake carries the server's own browser cookie too.
    for (const h of server.requestHeaders.slice(1)) expect(h.cookie).toContain('BAYEUX_BROWSER=');
    chats.stop();
  } finally {
    await client.close();
    await server.close();
  }
});

test('a server that is not there: reconnecting with a reason, never an error into the topic', async () => {
  const server = await startCometDServer();
  const url = server.url;
  await server.close();
  const client = createGwsClient({ url, ...knobs, credentials: { username: 'agent1', password: 's3cret-pass' } });
  try {
    const chats = collect(client.topic(CHATS));
    const state = await until(client, 'reconnecting');
    expect(JSON.stringify(state)).not.toContain('s3cret-pass');
    expect(chats.errors).toEqual([]);
    chats.stop();
  } finally {
    await client.close();
    // CometD aborts the handshake request still in flight when it disconnects; the socket reports the abort a turn
    // of the event loop later, into CometD's own handlers. Let it land before Jest tears the environment down.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
