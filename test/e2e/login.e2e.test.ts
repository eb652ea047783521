// gwsLogin against a GWS-like HTTP server, and its session used by the real client: the cookies and the CSRF
// header must reach the Bayeux endpoint (served at the default path /api/v2/notifications).
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { filter, firstValueFrom } from 'rxjs';
import { createCometDServer } from 'cometd-nodejs-server';
import { createGwsClient, gwsLogin, GwsHttpError } from '../../src/node';
import { seedChatLog } from '../fixtures/seeds';

const USER = 'agent1';
const PASSWORD = 'Secr3t-Passw0rd';
const JSESSIONID = 'js-4f2a9c-session';
const LB = 'lb-cookie-77';
const CSRF = 'csrf-token-9b1e';

interface Gws {
  readonly base: string;
  readonly bayeuxHeaders: IncomingHttpHeaders[];
  publish(channel: string, data: unknown): void;
  subscribers(channel: string): number;
  close(): Promise<void>;
}

async function startGws(): Promise<Gws> {
  const bayeux = createCometDServer({ timeout: 2000 });
  const bayeuxHeaders: IncomingHttpHeaders[] = [];
  const good = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const http: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v2/notifications')) {
      bayeuxHeaders.push(req.headers);
      if (!req.headers.cookie?.includes(`JSESSIONID=${JSESSIONID}`) || req.headers['x-csrf-token'] !== CSRF) {
        res.writeHead(401).end();
        return;
      }
      bayeux.handle(req, res);
      return;
    }
    if (req.url === '/api/v2/me') {
      if (req.headers.authorization !== good) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic' }).end();
        return;
      }
      res.setHeader('Set-Cookie', [`JSESSIONID=${JSESSIONID}; Path=/; HttpOnly`, `AWSELB=${LB}; Path=/`]);
      res.setHeader('X-CSRF-HEADER', 'X-CSRF-TOKEN');
      res.setHeader('X-CSRF-TOKEN', CSRF);
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ statusCode: 0, user: { userName: USER } }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    bayeuxHeaders,
    publish: (channel, data) => bayeux.getServerChannel(channel)?.publish(null, data),
    subscribers: (channel) => bayeux.getServerChannel(channel)?.subscribers.length ?? 0,
    close: async () => {
      bayeux.close();
      const closed = new Promise<void>((r) => http.close(() => r()));
      http.closeAllConnections();
      await closed;
    },
  };
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

let gws: Gws;
beforeEach(async () => {
  gws = await startGws();
});
afterEach(async () => {
  await gws.close();
});

test('gwsLogin collects the cookies and the CSRF header, and printing the session shows no secret', async () => {
  const session = await gwsLogin({ baseUrl: `${gws.base}/`, username: USER, password: PASSWORD });
  expect(session.headers).toEqual({ Cookie: `JSESSIONID=${JSESSIONID}; AWSELB=${LB}`, 'X-CSRF-TOKEN': CSRF });
  expect(session.csrfHeaderName).toBe('X-CSRF-TOKEN');
  expect(session.user).toEqual({ statusCode: 0, user: { userName: USER } });
  for (const printed of [JSON.stringify(session), inspect(session, { depth: 5 }), String(session)]) {
    expect(printed).not.toContain(JSESSIONID);
    expect(printed).not.toContain(LB);
    expect(printed).not.toContain(CSRF);
    expect(printed).not.toContain(PASSWORD);
  }
});

test('wrong credentials: a GwsHttpError that says so, with the status and without the password', async () => {
  const error = await gwsLogin({ baseUrl: gws.base, username: USER, password: 'wrong-password-1' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GwsHttpError);
  expect((error as GwsHttpError).httpStatus).toBe(401);
  expect((error as GwsHttpError).request).toBe('login');
  expect((error as GwsHttpError).message).toMatch(/rejected the credentials/);
  expect((error as GwsHttpError).message).not.toContain('wrong-password-1');
});

test('an unreachable GWS: a GwsHttpError naming the network cause', async () => {
  const base = gws.base;
  await gws.close();
  gws = await startGws(); // keep afterEach happy
  const error = await gwsLogin({ baseUrl: base, username: USER, password: PASSWORD }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GwsHttpError);
  expect((error as GwsHttpError).message).toMatch(/cannot reach GWS at .*: ECONNREFUSED$/);
  expect((error as GwsHttpError).message).not.toContain(PASSWORD);
});

test('the session cookies and CSRF header reach every CometD request; the base URL gets the default path', async () => {
  const session = await gwsLogin({ baseUrl: gws.base, username: USER, password: PASSWORD });
  const client = createGwsClient({ url: gws.base, headers: session.headers, backoffIncrement: 50 });
  try {
    const received: unknown[] = [];
    const sub = client.topic('/v2/me/chats').subscribe((n) => received.push(n));
    await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'connected')));
    await eventually(() => gws.subscribers('/v2/me/chats') === 1);
    gws.publish('/v2/me/chats', seedChatLog.data);
    await eventually(() => received.length === 1);
    expect(gws.bayeuxHeaders.length).toBeGreaterThanOrEqual(3);
    for (const h of gws.bayeuxHeaders) {
      expect(h.cookie).toContain(`JSESSIONID=${JSESSIONID}`);
      expect(h.cookie).toContain(`AWSELB=${LB}`);
      expect(h['x-csrf-token']).toBe(CSRF);
    }
    sub.unsubscribe();
  } finally {
    await client.close();
  }
});

test('a Bayeux endpoint that answers 401 to every handshake ends in failed, the reason free of secrets', async () => {
  const client = createGwsClient({
    url: gws.base,
    headers: { Cookie: 'JSESSIONID=stale-session-cookie', 'X-CSRF-TOKEN': 'stale-csrf-token' },
    credentials: { username: USER, password: PASSWORD },
    backoffIncrement: 10,
    maxBackoff: 50,
    maxHandshakeAttempts: 2,
    // Kept short: close() after `failed` waits maxNetworkDelay (known bug 1, test/client/knownBugs.test.ts).
    maxNetworkDelay: 1000,
  });
  try {
    const sub = client.topic('/v2/me/chats').subscribe();
    const failed = await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'failed')));
    expect(failed).toMatchObject({ status: 'failed', httpStatus: 401 });
    const printed = JSON.stringify(failed);
    for (const secret of [PASSWORD, 'stale-session-cookie', 'stale-csrf-token']) expect(printed).not.toContain(secret);
    sub.unsubscribe();
  } finally {
    await client.close();
  }
});

test('a GWS that never answers, with a timeout signal: a GwsHttpError that says it timed out', async () => {
  // accepts the connection, never answers
  const silent = createServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  try {
    const error = await gwsLogin({
      baseUrl: base,
      username: USER,
      password: PASSWORD,
      signal: AbortSignal.timeout(200),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsHttpError);
    // the abort's own words, not DOMException's legacy numeric code (TIMEOUT_ERR is 23)
    expect((error as GwsHttpError).message).toMatch(/^cannot reach GWS at http:\/\/127\.0\.0\.1:\d+: .*timeout/i);
    expect((error as GwsHttpError).message).not.toMatch(/: 23$/);
  } finally {
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));
  }
});
