// Network faults through a loopback TCP proxy, and server-side refusals: the client notices within its configured
// timeouts, says `reconnecting` (or `failed` when it must give up) and recovers when the path returns.
import type { GwsSimulator } from '../../src/sim/server';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import { createGwsClient } from '../../src/node';
import { gwsLogin } from '../../src/client/gwsLogin';
import { startProxy } from '../fixtures/proxy';
import { startBayeux402 } from '../fixtures/bayeux402';
import type { TcpProxy } from '../fixtures/proxy';
import { eventually, fastKnobs, loggedInClient, record, sim, sleep, until } from './harness';

const chat = (n: number): Record<string, unknown> => ({
  messageType: 'MessageLogUpdated',
  notificationType: 'NewMessages',
  chatPath: `/chats/c${n}`,
  messages: [],
});

let s: GwsSimulator;
let client: GwsClient | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await client?.close();
  await proxy?.close();
  await s.close();
  client = undefined;
  proxy = undefined;
});

/** Publishes until the recorder sees the marker (a subscription may be a moment behind `connected`). */
async function roundTrip(values: unknown[], n: number): Promise<void> {
  await eventually(() => s.subscriberCount('/v2/me/chats') === 1);
  s.publish('/v2/me/chats', chat(n));
  await eventually(() => values.some((v) => (v as { chatPath?: string }).chatPath === `/chats/c${n}`));
}

describe('network', () => {
  test('connections reset (cut network): reconnecting, then connected and delivering when the path returns', async () => {
    s = await sim();
    proxy = await startProxy(s.port);
    const session = await gwsLogin({ baseUrl: s.url, ...s.user });
    client = createGwsClient({ url: proxy.url, headers: session.headers, ...fastKnobs });
    const chats = record(client.topic('/v2/me/chats'));
    await until(client, 'connected');
    await roundTrip(chats.values, 1);

    proxy.setMode('reset');
    proxy.resetAll();
    const r = await until(client, 'reconnecting');
    expect(r).toMatchObject({ status: 'reconnecting' });
    const acceptedWhileCut = proxy.accepted();
    await eventually(() => proxy!.accepted() > acceptedWhileCut + 2); // it keeps trying (with backoff)

    proxy.setMode('forward');
    await until(client, 'connected');
    await roundTrip(chats.values, 2);
    expect(chats.errors).toEqual([]);
    expect(chats.completed()).toBe(false);
  });

  test('blackholed path (requests hang): reconnecting after long-poll + maxNetworkDelay, recovers afterwards', async () => {
    s = await sim();
    proxy = await startProxy(s.port);
    const session = await gwsLogin({ baseUrl: s.url, ...s.user });
    client = createGwsClient({ url: proxy.url, headers: session.headers, ...fastKnobs });
    const chats = record(client.topic('/v2/me/chats'));
    await until(client, 'connected');
    await roundTrip(chats.values, 1);

    proxy.setMode('blackhole');
    const r = await until(client, 'reconnecting'); // only a client-side timeout can notice a hang
    expect(r).toMatchObject({ status: 'reconnecting' });

    proxy.setMode('forward');
    proxy.resetAll(); // hung sockets carry half-sent requests: drop them
    await until(client, 'connected');
    await roundTrip(chats.values, 2);
    expect(chats.errors).toEqual([]);
    expect(chats.completed()).toBe(false);
  });
});

describe('server refusals', () => {
  test.each([401, 403] as const)(
    'handshakes rejected with %i: failed with the reason after maxHandshakeAttempts, no hot loop',
    async (status) => {
      s = await sim();
      const session = await gwsLogin({ baseUrl: s.url, ...s.user });
      s.faults.rejectCredentials(status);
      client = createGwsClient({ url: s.url, headers: session.headers, ...fastKnobs, maxHandshakeAttempts: 3 });
      const chats = record(client.topic('/v2/me/chats'));
      const failed = await until(client, 'failed');
      expect(failed).toMatchObject({ status: 'failed', httpStatus: status });
      expect(failed.status === 'failed' && failed.reason).toMatch(String(status));
      const requests = s.stats.bayeuxRequests;
      expect(requests).toBeGreaterThanOrEqual(3);
      expect(requests).toBeLessThanOrEqual(3 + 2); // bounded: attempts plus at most a disconnect
      await sleep(1000); // 20 backoff increments: a retry loop would show here
      expect(s.stats.bayeuxRequests).toBe(requests);
      expect(chats.errors).toEqual([]);
    },
  );

  test('login rejected inside headerProvider: failed after a bounded number of logins', async () => {
    s = await sim();
    s.faults.rejectCredentials(401);
    const handle = loggedInClient(s, { maxHandshakeAttempts: 3 });
    client = handle.client;
    record(client.topic('/v2/me/chats'));
    const failed = await until(client, 'failed');
    expect(failed.status === 'failed' && failed.reason).toMatch(/headerProvider|401/);
    const logins = s.stats.logins;
    expect(logins).toBeLessThanOrEqual(3 + 1);
    await sleep(1000);
    expect(s.stats.logins).toBe(logins);
    expect(s.stats.bayeuxRequests).toBe(0);
  });

  test('handshake ok but every connect 402: throttled with backoff, recovers when connects work again', async () => {
    s = await sim(); // unused here; afterEach closes it
    const fake = await startBayeux402();
    try {
      client = createGwsClient({ url: fake.url, ...fastKnobs });
      const states = record(client.connection$);
      record(client.topic('/v2/me/chats'));
      await until(client, 'reconnecting');
      const before = fake.counts.handshakes;
      await sleep(2000);
      const handshakes = fake.counts.handshakes - before;
      // backoffIncrement 50, maxBackoff 400: once backed off the client waits >= 400 ms, about 6-8 rounds in 2 s;
      // unthrottled CometD re-handshakes with no delay (hundreds of rounds in 2 s on loopback)
      expect(handshakes).toBeGreaterThanOrEqual(2);
      expect(handshakes).toBeLessThanOrEqual(25);
      expect(fake.counts.connects).toBeLessThanOrEqual(fake.counts.handshakes + 1);
      expect(states.values.some((v) => v.status === 'failed')).toBe(false);
      fake.heal(true);
      await until(client, 'connected');
    } finally {
      await client?.close();
      client = undefined;
      await fake.close();
    }
  });

  test("advice reconnect 'none': a terminal failed state, then silence on the wire", async () => {
    s = await sim();
    ({ client } = loggedInClient(s));
    const chats = record(client.topic('/v2/me/chats'));
    await until(client, 'connected');
    s.faults.adviseNoReconnect(true);
    s.faults.restartBayeux();
    const failed = await until(client, 'failed');
    expect(failed.status === 'failed' && failed.reason).toMatch(/no reconnect/);
    const requests = s.stats.bayeuxRequests;
    await sleep(1000);
    expect(s.stats.bayeuxRequests).toBeLessThanOrEqual(requests + 1);
    expect(chats.errors).toEqual([]);
  });

  // Regression: a 401 on /meta/connect in the middle of a session, with no headerProvider to refresh, used to be
  // retried with backoff forever; it now counts against maxHandshakeAttempts like a rejected handshake.
  test('credentials rejected mid-session (401 on connect, static headers): failed after a bound', async () => {
    s = await sim();
    const session = await gwsLogin({ baseUrl: s.url, ...s.user });
    client = createGwsClient({ url: s.url, headers: session.headers, ...fastKnobs, maxHandshakeAttempts: 3 });
    const states = record(client.connection$);
    record(client.topic('/v2/me/chats'));
    await until(client, 'connected');
    s.faults.rejectCredentials(401);
    s.faults.dropConnections();
    await sleep(3000); // about 8 rounds at maxBackoff 400 ms: well past 3 attempts
    expect(states.values.map((v) => v.status)).toContain('failed');
  });

  test('session expiry: the header function is called again and the client re-authenticates', async () => {
    s = await sim();
    const handle = loggedInClient(s);
    client = handle.client;
    const chats = record(client.topic('/v2/me/chats'));
    await until(client, 'connected');
    await roundTrip(chats.values, 1);
    const calls = handle.providerCalls();
    const logins = s.stats.logins;
    s.faults.expireSessions();
    s.faults.dropConnections(); // the next long-poll carries the expired cookie: 403
    await eventually(() => handle.providerCalls() > calls && s.stats.logins > logins);
    await until(client, 'connected');
    await roundTrip(chats.values, 2);
    expect(chats.errors).toEqual([]);
    expect(chats.completed()).toBe(false);
  });
});
