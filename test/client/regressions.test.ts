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
test('headerProvider runs again before the re-handshake that follows a lost session', async () => {
  let calls = 0;
  const { port, client } = setup({
    headerProvider: () => {
      calls += 1;
      return { Cookie: `JSESSIONID=s${calls}` };
    },
  });
  const sub = client.topic('/v2/me/chats').subscribe();
  await flush();
  port.handshakeOk();
  port.connectOk();
  expect(calls).toBe(1);
  port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
  await flush();
  expect(calls).toBe(2);
  sub.unsubscribe();
  await client.close();
});
