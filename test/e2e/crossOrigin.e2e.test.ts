// Issue #16, the part that kept the Angular app from ever reconnecting: a server on another origin than the page.
// Once one request to it failed (a 403, a connection dropped by a restart), CometD's long-polling transport refused
// that origin for good and CometD fell back to JSONP (callback-polling), which cannot carry GWS's CSRF header and
// reports no HTTP status: every later handshake failed unseen. Here the real client (Node entry, real CometD) meets
// the simulator while CometD sees the page on another origin (`window.location`, as in a browser app served from
// elsewhere); one handshake is refused, the next ones must go out over long-polling again and connect.
import { filter, firstValueFrom } from 'rxjs';
import { createGwsClient, gwsLogin } from '../../src/node';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { ConnectionState } from '../../src/client/connection';
import { startSimulator } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';

const CHATS = '/v2/me/chats';

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

let sim: GwsSimulator;
let client: GwsClient | undefined;

beforeEach(async () => {
  sim = await startSimulator({ bayeux: { timeout: 1000 } });
  // cometd-nodejs-client's adapt() keeps an existing `window`; CometD compares its location with the server's.
  (globalThis as { window?: object }).window = { location: { host: 'app.example:4200' } };
});
afterEach(async () => {
  await client?.close();
  await sim.close();
  delete (globalThis as { window?: object }).window;
});

test('after a refused handshake across origins, the client handshakes over long-polling again and connects', async () => {
  const session = await gwsLogin({ baseUrl: sim.url, ...sim.user });
  sim.faults.rejectCredentials(403);
  client = createGwsClient({
    url: sim.url,
    headers: session.headers,
    backoffIncrement: 50,
    maxBackoff: 200,
    maxHandshakeAttempts: 20,
  });
  const sub = client.topic(CHATS).subscribe();
  try {
    await eventually(() => (sim.stats.rejected[403] ?? 0) > 0, 'a handshake refused with 403');
    const refused = sim.stats.handshakes;
    sim.faults.rejectCredentials(false);
    // Counted, not timed: connected, or eight attempts in a row without (JSONP fails every one of them).
    const end = await firstValueFrom(
      client.connection$.pipe(
        filter(
          (s: ConnectionState) =>
            s.status === 'connected' || s.status === 'failed' || (s.status === 'reconnecting' && s.attempt >= 8),
        ),
      ),
    );
    expect(end.status).toBe('connected');
    expect(sim.stats.handshakes).toBeGreaterThan(refused);
    await eventually(() => sim.subscriberCount(CHATS) === 1, 'the subscription on the new session');
  } finally {
    sub.unsubscribe();
  }
});
