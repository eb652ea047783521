// Regression tests for two contract points the client once missed (found by these tests, fixed since).
import { createGwsClientWith } from '../../src/client/createGwsClientWith';
import type { GwsClientOptions } from '../../src/client/options';
import { FakePort, flush } from './fakePort';

function setup(options: Partial<GwsClientOptions> = {}): {
  port: FakePort;
  client: ReturnType<typeof createGwsClientWith>;
} {
  const port = new FakePort();
  return { port, client: createGwsClientWith(() => port, { url: 'http://127.0.0.1:1', ...options }) };
}

// Regression 1: after `failed` the client has already disconnected CometD; close() used to call disconnect(callback) again, which
// real CometD ignores without calling back, so close() only resolves after maxNetworkDelay (10 s by default).
// Measured for real in test/e2e/login.e2e.test.ts (the 401 test takes ~10 s with the default maxNetworkDelay).
test('close() after failed resolves without waiting for a timer', async () => {
  jest.useFakeTimers();
  try {
    const { port, client } = setup({ maxHandshakeAttempts: 1 });
    const sub = client.topic('/v2/me/chats').subscribe();
    await flush();
    port.handshakeRejected(401);
    sub.unsubscribe();
    let resolved = false;
    const closing = client.close().then(() => (resolved = true));
    await flush();
    await jest.advanceTimersByTimeAsync(0);
    const early = resolved;
    await jest.advanceTimersByTimeAsync(60_000);
    await closing;
    expect(early).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});

// Regression 2: the contract says headerProvider is re-evaluated before EACH handshake. When the session is lost
// (402::session_unknown, e.g. GWS restarted) CometD re-handshakes by itself and the client does not refresh the
// headers first (it only does so after a failed handshake or a 401/403 connect), so a stale JSESSIONID is reused.
// Then (issue #16) the refresh ran beside CometD's immediate re-handshake: an asynchronous provider (a login) lost
// the race, and in a browser its new session cookie met the old CSRF header (HTTP 403). Now gws-rx stops CometD and
// handshakes itself once the provider has answered, with its headers.
test('headerProvider answers before the re-handshake that follows a lost session, which carries its headers', async () => {
  jest.useFakeTimers();
  try {
    let calls = 0;
    let answer: (() => void) | undefined;
    const { port, client } = setup({
      backoffIncrement: 100,
      headerProvider: async () => {
        calls += 1;
        if (calls > 1) await new Promise<void>((done) => (answer = done));
        return { Cookie: `JSESSIONID=s${calls}` };
      },
    });
    const sub = client.topic('/v2/me/chats').subscribe();
    await flush();
    port.handshakeOk();
    port.connectOk();
    expect([calls, port.handshakes]).toEqual([1, 1]);
    port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
    await jest.advanceTimersByTimeAsync(100);
    // CometD was stopped (it cannot re-handshake on its own); the provider was asked, nothing handshakes before it answers.
    expect([port.disconnects, calls, port.handshakes]).toEqual([1, 2, 1]);
    answer?.();
    await jest.advanceTimersByTimeAsync(0);
    expect(port.handshakes).toBe(2);
    expect(port.configurations.at(-1)?.requestHeaders).toEqual({ Cookie: 'JSESSIONID=s2' });
    sub.unsubscribe();
    const closing = client.close();
    await jest.advanceTimersByTimeAsync(60_000);
    await closing;
  } finally {
    jest.useRealTimers();
  }
});
