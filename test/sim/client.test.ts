// The simulator with a real CometD client (the same cometd + cometd-nodejs-client gws-rx/node uses), logged in the
// GWS way: JSESSIONID cookie and X-CSRF-TOKEN header sent on every Bayeux request through `requestHeaders`.
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import type { Message } from 'cometd';
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator } from '../../src/sim/server';
import { generateShift } from '../../src/sim/scenario';
import { decodeNotification } from '../../src/protocol/decode';

const debug = console.debug;
adapt();
console.debug = debug;

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 20000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  expect(cond()).toBe(true);
};

const TOPICS = [
  '/v2/me/devices',
  '/v2/me/calls',
  '/v2/me/chats',
  '/v2/me/im-sessions',
  '/v2/me/emails',
  '/v2/me/workitems',
  '/v2/me/workbins',
  '/notifications/services',
];

let sim: GwsSimulator;
let cometd: CometD;

/** Logs in over HTTP and returns a CometD client configured with the session cookie and CSRF header. */
const connect = async (): Promise<void> => {
  const basic = Buffer.from(`${sim.user.username}:${sim.user.password}`).toString('base64');
  const res = await fetch(`${sim.url}/api/v2/me`, { headers: { Authorization: `Basic ${basic}` } });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const csrfHeader = res.headers.get('x-csrf-header') ?? '';
  const csrf = res.headers.get('x-csrf-token') ?? '';
  cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.configure({ url: sim.notificationsUrl, requestHeaders: { Cookie: cookie, [csrfHeader]: csrf } });
  await new Promise<void>((resolve, reject) =>
    cometd.handshake((m) => (m.successful ? resolve() : reject(new Error(String(m.error))))),
  );
};

const subscribe = (channels: readonly string[], sink: (m: Message) => void): Promise<void> =>
  Promise.all(
    channels.map(
      (c) =>
        new Promise<void>((resolve, reject) =>
          cometd.subscribe(c, sink, (m) => (m.successful ? resolve() : reject(new Error(String(m.error))))),
        ),
    ),
  ).then(() => undefined);

beforeEach(async () => {
  sim = await startSimulator({ bayeux: { timeout: 2000 } });
  await connect();
});
afterEach(async () => {
  await new Promise<void>((r) => cometd.disconnect(() => r()));
  await sim.close();
});

test('a logged-in CometD client receives a whole shift, in order per topic, and every message decodes', async () => {
  const received: { channel: string; data: unknown }[] = [];
  await subscribe(TOPICS, (m) => received.push({ channel: m.channel, data: m.data }));
  expect(sim.subscriberCount('/v2/me/chats')).toBe(1);
  const shift = generateShift({ seed: 21, chats: 4, calls: 2 });
  for (const m of shift) sim.publish(m.channel, m.data);
  await until(() => received.length === shift.length);
  expect(received).toEqual(shift.map(({ channel, data }) => ({ channel, data })));
  expect(received.map((m) => decodeNotification(m)).filter((r) => r._tag === 'Left')).toEqual([]);
  // The snapshot reflects the end of the shift: every conversation ended, devices and the service remain.
  const snap = sim.snapshot();
  expect(snap.chats).toEqual([]);
  expect(snap.calls).toEqual([]);
  expect(snap.devices.length).toBe(4);
  expect(snap.services.map((s) => s.state)).toEqual(['Active']);
});

test('sendMalformed delivers payloads that fail decoding with a readable reason, none that decode', async () => {
  const received: unknown[] = [];
  await subscribe(['/v2/me/chats'], (m) => received.push(m.data));
  const count = sim.faults.sendMalformed('/v2/me/chats');
  await until(() => received.length === count);
  expect(count).toBeGreaterThanOrEqual(3);
  const failures = received.map((data) => {
    const r = decodeNotification({ channel: '/v2/me/chats', data });
    if (r._tag === 'Right') throw new Error(`decoded: ${JSON.stringify(data)}`);
    return r.left;
  });
  expect(new Set(failures.map((f) => f.reason))).toEqual(new Set(['invalid-payload', 'unknown-message-type']));
  for (const f of failures) {
    expect(f.raw).toEqual({ channel: '/v2/me/chats', data: received[failures.indexOf(f)] });
    expect(f.errors.length).toBeGreaterThan(0);
  }
  // The payload without a chat id names the path to it.
  expect(failures.flatMap((f) => f.errors).some((e) => /chat.*id/.test(e))).toBe(true);
  const kinds = new Set(received.map((d) => typeof (d as { messageType?: unknown }).messageType));
  expect(kinds).toEqual(new Set(['string', 'number']));
});

test('restartBayeux: the client is told its session is unknown and handshakes again, on the same cookie', async () => {
  expect(sim.stats.handshakes).toBe(1);
  const rehandshake = new Promise<Message>((resolve) => {
    const sub = cometd.addListener('/meta/handshake', (m) => {
      if (m.successful) {
        cometd.removeListener(sub);
        resolve(m);
      }
    });
  });
  sim.faults.restartBayeux();
  // CometD backs off after the dropped long poll, then learns 402::session_unknown and handshakes again.
  expect((await rehandshake).successful).toBe(true);
  expect(sim.stats.handshakes).toBe(2);
  expect(sim.stats.rejected[403]).toBeUndefined();
  // A fresh subscription on the new server works.
  const received: unknown[] = [];
  await subscribe(['/v2/me/chats'], (m) => received.push(m.data));
  const shift = generateShift({ seed: 3, chats: 1, calls: 0, imSessions: 0, emails: 0, workitems: 0 });
  const chats = shift.filter((m) => m.channel === '/v2/me/chats');
  for (const m of chats) sim.publish(m.channel, m.data);
  await until(() => received.length === chats.length);
  expect(received).toEqual(chats.map((m) => m.data));
});
