// Unit tests of the client over a fake CometD port: sharing, resubscription, the connection state machine,
// authentication failures, decode failures and close().
import type { Observable } from 'rxjs';
import { createGwsClientWith } from '../../src/client/createGwsClientWith';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { GwsClientOptions } from '../../src/client/options';
import type { ConnectionState } from '../../src/client/connection';
import type { DecodeFailure } from '../../src/protocol/decode';
import { seedChatLog, seedChatState } from '../fixtures/seeds';
import { FakePort, flush } from './fakePort';

const PASSWORD = 'pa55-w0rd-secret';

function setup(options: Partial<GwsClientOptions> = {}): { port: FakePort; client: GwsClient; made: () => number } {
  const port = new FakePort();
  let made = 0;
  const client = createGwsClientWith(
    () => {
      made += 1;
      return port;
    },
    // maxNetworkDelay is short because close() after `failed` waits for it (known bug 1, knownBugs.test.ts).
    { url: 'http://127.0.0.1:1', maxNetworkDelay: 200, ...options },
  );
  return { port, client, made: () => made };
}

function record<T>(o: Observable<T>): { values: T[]; errors: unknown[]; completed: () => boolean; stop: () => void } {
  const values: T[] = [];
  const errors: unknown[] = [];
  let done = false;
  const sub = o.subscribe({ next: (v) => values.push(v), error: (e) => errors.push(e), complete: () => (done = true) });
  return { values, errors, completed: () => done, stop: () => sub.unsubscribe() };
}

const statuses = (states: ConnectionState[]): string[] => states.map((s) => s.status);

describe('cold and lazy', () => {
  test('nothing is built or sent before the first subscriber; then websocket is dropped and the default path used', async () => {
    const { port, client, made } = setup({ url: 'http://127.0.0.1:1/' });
    const states = record(client.connection$);
    const chats = client.topic('/v2/me/chats');
    await flush();
    expect(made()).toBe(0);
    expect(port.handshakes).toBe(0);
    expect(statuses(states.values)).toEqual(['idle']);

    const sub = chats.subscribe();
    await flush();
    expect(made()).toBe(1);
    expect(port.unregistered).toEqual(['websocket']);
    expect(port.handshakes).toBe(1);
    expect(port.configurations.at(-1)?.url).toBe('http://127.0.0.1:1/api/v2/notifications');
    expect(statuses(states.values)).toEqual(['idle', 'connecting']);
    sub.unsubscribe();
    await client.close();
  });

  test('an explicit notifications URL is kept as is', async () => {
    const { port, client } = setup({ url: 'http://127.0.0.1:1/custom/cometd' });
    const sub = client.channel('/x').subscribe();
    await flush();
    expect(port.configurations.at(-1)?.url).toBe('http://127.0.0.1:1/custom/cometd');
    sub.unsubscribe();
    await client.close();
  });

  test('a bad url or knob is a clear error at creation time', () => {
    expect(() => setup({ url: 'ftp://x' })).toThrow(/url must start with http/);
    expect(() => setup({ maxHandshakeAttempts: 0 })).toThrow(/maxHandshakeAttempts/);
  });

  test('an unknown topic name is a TypeError, the same name returns the same Observable', async () => {
    const { client } = setup();
    expect(() => client.topic('/v2/me/nope' as '/v2/me/chats')).toThrow(TypeError);
    expect(client.topic('/v2/me/chats')).toBe(client.topic('/v2/me/chats'));
    await client.close();
  });
});

describe('reference-counted sharing', () => {
  test('two subscribers share one Bayeux subscription; only the last unsubscribe sends /meta/unsubscribe', async () => {
    const { port, client } = setup();
    const a = record(client.topic('/v2/me/chats'));
    const b = record(client.topic('/v2/me/chats'));
    await flush();
    port.handshakeOk();
    port.connectOk();
    expect(port.subscribeCalls).toEqual(['/v2/me/chats']);

    port.publish('/v2/me/chats', seedChatLog.data);
    expect(a.values).toHaveLength(1);
    expect(b.values).toHaveLength(1);
    expect(a.values[0]).toMatchObject({ messageType: 'MessageLogUpdated' });

    a.stop();
    expect(port.unsubscribeCalls).toEqual([]);
    port.publish('/v2/me/chats', seedChatLog.data);
    expect(b.values).toHaveLength(2);
    expect(a.values).toHaveLength(1);

    b.stop();
    expect(port.unsubscribeCalls).toEqual(['/v2/me/chats']);
    expect(port.activeSubscriptions()).toEqual([]);

    // A new subscriber while the session is up subscribes again at once.
    const c = record(client.topic('/v2/me/chats'));
    expect(port.subscribeCalls).toEqual(['/v2/me/chats', '/v2/me/chats']);
    c.stop();
    await client.close();
  });

  test('channel() gives the raw data of any channel with the same sharing', async () => {
    const { port, client } = setup();
    const raw = record(client.channel('/service/anything'));
    await flush();
    port.handshakeOk();
    port.publish('/service/anything', { not: 'a gws payload' });
    expect(raw.values).toEqual([{ not: 'a gws payload' }]);
    raw.stop();
    expect(port.unsubscribeCalls).toEqual(['/service/anything']);
    await client.close();
  });
});

describe('re-handshakes', () => {
  test('subscribes again after every successful handshake and never errors or completes the subscriber', async () => {
    const { port, client } = setup();
    const chats = record(client.topic('/v2/me/chats'));
    const states = record(client.connection$);
    await flush();
    port.handshakeOk();
    port.connectOk();
    for (let i = 0; i < 3; i += 1) {
      port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
      port.handshakeOk(true);
      port.connectOk();
      expect(port.activeSubscriptions()).toEqual(['/v2/me/chats']);
    }
    expect(port.subscribeCalls).toHaveLength(4);
    port.publish('/v2/me/chats', seedChatLog.data);
    expect(chats.values).toHaveLength(1);
    expect(chats.errors).toEqual([]);
    expect(chats.completed()).toBe(false);
    expect(statuses(states.values)).toEqual([
      'connecting',
      'connected',
      'reconnecting',
      'connected',
      'reconnecting',
      'connected',
      'reconnecting',
      'connected',
    ]);
    chats.stop();
    await client.close();
  });

  test('a topic released while the session is down is not resubscribed on the next handshake', async () => {
    const { port, client } = setup();
    const chats = record(client.topic('/v2/me/chats'));
    const calls = record(client.topic('/v2/me/calls'));
    await flush();
    port.handshakeOk();
    port.connectFailed({ error: '402::session_unknown' });
    calls.stop();
    port.handshakeOk(true);
    expect(port.activeSubscriptions()).toEqual(['/v2/me/chats']);
    chats.stop();
    await client.close();
  });
});

describe('connection$ and authentication', () => {
  test('HTTP 401 on every handshake ends in failed after maxHandshakeAttempts, with a reason free of secrets', async () => {
    const { port, client } = setup({
      credentials: { username: 'agent1', password: PASSWORD },
      maxHandshakeAttempts: 3,
    });
    const states = record(client.connection$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    expect(port.lastHeaders()?.Authorization).toBe(`Basic ${btoa(`agent1:${PASSWORD}`)}`);
    port.handshakeRejected(401);
    port.handshakeRejected(401);
    expect(statuses(states.values)).toEqual(['idle', 'connecting', 'reconnecting', 'reconnecting']);
    expect(states.values.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 2 });
    port.handshakeRejected(401);
    const last = states.values.at(-1);
    expect(last).toMatchObject({ status: 'failed', httpStatus: 401 });
    expect(last && 'reason' in last ? last.reason : '').toMatch(/401/);
    expect(port.disconnects).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(states.values)).not.toContain(PASSWORD);
    expect(JSON.stringify(states.values)).not.toContain(btoa(`agent1:${PASSWORD}`));
    // failed is terminal: further CometD noise does not change it; the subscriber is not errored.
    port.handshakeOk();
    expect(states.values.at(-1)?.status).toBe('failed');
    expect(chats.errors).toEqual([]);
    chats.stop();
    await client.close();
  });

  test('a successful handshake resets the count of 401s', async () => {
    const { port, client } = setup({ maxHandshakeAttempts: 2 });
    const states = record(client.connection$);
    const s = client.topic('/v2/me/chats').subscribe();
    await flush();
    port.handshakeRejected(401);
    port.handshakeOk();
    port.connectOk();
    port.handshakeRejected(401);
    expect(states.values.at(-1)?.status).toBe('reconnecting');
    port.handshakeRejected(401);
    expect(states.values.at(-1)?.status).toBe('failed');
    s.unsubscribe();
    await client.close();
  });

  test('advice reconnect:none is a terminal failed with a reason, not silence', async () => {
    const { port, client } = setup();
    const states = record(client.connection$);
    const s = client.topic('/v2/me/chats').subscribe();
    await flush();
    port.handshakeOk();
    port.connectOk();
    port.connectFailed({ error: '403::forbidden', advice: { reconnect: 'none' } });
    const last = states.values.at(-1);
    expect(last?.status).toBe('failed');
    expect(last && 'reason' in last ? last.reason : '').toMatch(/403::forbidden/);
    s.unsubscribe();
    await client.close();
  });

  test('headerProvider runs before the first handshake and again before each retry; its headers are sent', async () => {
    let n = 0;
    const { port, client } = setup({
      headers: { 'X-Static': 'static' },
      headerProvider: () => {
        n += 1;
        return Promise.resolve({ Cookie: `JSESSIONID=cookie-value-${n}` });
      },
    });
    const states = record(client.connection$);
    const s = client.topic('/v2/me/chats').subscribe();
    await flush();
    expect(n).toBe(1);
    expect(port.handshakes).toBe(1);
    expect(port.lastHeaders()).toEqual({ 'X-Static': 'static', Cookie: 'JSESSIONID=cookie-value-1' });
    port.handshakeRejected(401);
    await flush();
    expect(n).toBe(2);
    expect(port.lastHeaders()?.Cookie).toBe('JSESSIONID=cookie-value-2');
    port.handshakeOk();
    port.connectOk();
    // A lost session (401 on connect) refreshes the headers too.
    port.connectFailed({ failure: { httpCode: 401 } });
    await flush();
    expect(n).toBe(3);
    expect(port.lastHeaders()?.Cookie).toBe('JSESSIONID=cookie-value-3');
    expect(JSON.stringify(states.values)).not.toContain('cookie-value');
    s.unsubscribe();
    await client.close();
  });

  test('a throwing headerProvider counts as a rejected attempt and ends in failed without leaking', async () => {
    jest.useFakeTimers();
    try {
      const { port, client } = setup({
        maxHandshakeAttempts: 2,
        backoffIncrement: 10,
        headerProvider: () => Promise.reject(new Error('login refused')),
      });
      const states = record(client.connection$);
      const s = client.topic('/v2/me/chats').subscribe();
      await flush();
      expect(states.values.at(-1)).toMatchObject({ status: 'reconnecting' });
      await jest.advanceTimersByTimeAsync(1000);
      expect(states.values.at(-1)).toMatchObject({ status: 'failed' });
      expect(port.handshakes).toBe(0);
      s.unsubscribe();
      const closing = client.close();
      await jest.advanceTimersByTimeAsync(20000);
      await closing;
    } finally {
      jest.useRealTimers();
    }
  });

  test('a server that accepts handshakes but rejects every connect is throttled with backoff', async () => {
    jest.useFakeTimers();
    try {
      const { port, client } = setup({ backoffIncrement: 100, maxBackoff: 1000 });
      const s = client.topic('/v2/me/chats').subscribe();
      await jest.advanceTimersByTimeAsync(0);
      expect(port.handshakes).toBe(1);
      // CometD itself re-handshakes at once after 402::session_unknown; play that loop.
      port.handshakeOk();
      port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
      port.handshakeOk(true);
      port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
      // The client took over: it disconnected CometD and waits before its own next handshake.
      expect(port.disconnects).toBe(1);
      const before = port.handshakes;
      await jest.advanceTimersByTimeAsync(50);
      expect(port.handshakes).toBe(before);
      await jest.advanceTimersByTimeAsync(1000);
      expect(port.handshakes).toBe(before + 1);
      s.unsubscribe();
      const closing = client.close();
      await jest.advanceTimersByTimeAsync(20000);
      await closing;
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('subscribe failures', () => {
  test('a refused subscription is reported on subscribeFailures$ and never errors the topic', async () => {
    const { port, client } = setup();
    port.denied.add('/v2/me/calls');
    const refused = record(client.subscribeFailures$);
    const calls = record(client.topic('/v2/me/calls'));
    await flush();
    port.handshakeOk();
    port.connectOk();
    expect(refused.values).toEqual([{ channel: '/v2/me/calls', reason: '403::denied' }]);
    expect(calls.errors).toEqual([]);
    expect(calls.completed()).toBe(false);
    calls.stop();
    await client.close();
  });
});

describe('decode failures', () => {
  test('a malformed payload goes to decodeFailures$ with the raw message and a path; the stream goes on', async () => {
    const { port, client } = setup();
    const failures = record(client.decodeFailures$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    port.handshakeOk();
    port.connectOk();
    const bad = { messageType: 'MessageLogUpdated', messages: [{ index: 'three' }] };
    port.publish('/v2/me/chats', bad);
    port.publish('/v2/me/chats', seedChatState.data);
    expect(chats.values).toHaveLength(1);
    expect(chats.values[0]).toMatchObject({ messageType: 'ChatStateChangeMessage' });
    expect(chats.errors).toEqual([]);
    expect(failures.values).toHaveLength(1);
    const f = failures.values[0] as DecodeFailure;
    expect(f.channel).toBe('/v2/me/chats');
    expect(f.messageType).toBe('MessageLogUpdated');
    expect(JSON.stringify(f.raw)).toContain('three');
    expect(f.errors.join('\n')).toMatch(/messages/);
    chats.stop();
    await client.close();
  });
});

describe('close()', () => {
  test('disconnects, emits disconnected, then completes connection$, topics and decodeFailures$', async () => {
    const { port, client } = setup();
    const states = record(client.connection$);
    const failures = record(client.decodeFailures$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    port.handshakeOk();
    port.connectOk();
    await client.close();
    expect(port.disconnects).toBeGreaterThanOrEqual(1);
    expect(statuses(states.values)).toEqual(['idle', 'connecting', 'connected', 'disconnected']);
    expect(states.completed()).toBe(true);
    expect(chats.completed()).toBe(true);
    expect(failures.completed()).toBe(true);
    // Late subscribers: connection$ completes, a topic completes at once without touching the port.
    const late = record(client.connection$);
    expect(late.completed()).toBe(true);
    const handshakes = port.handshakes;
    const lateTopic = record(client.topic('/v2/me/calls'));
    expect(lateTopic.completed()).toBe(true);
    expect(port.handshakes).toBe(handshakes);
    await client.close(); // idempotent
  });

  test('close() before any subscriber never builds a CometD', async () => {
    const { client, made } = setup();
    const states = record(client.connection$);
    await client.close();
    expect(made()).toBe(0);
    expect(statuses(states.values)).toEqual(['idle', 'disconnected']);
  });
});
