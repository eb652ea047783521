// Snapshot seeding of the CLI: reading GET /api/v2/me?subresources=*, decoding it, when to read it, and how it is
// merged into live topic streams.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Subject, firstValueFrom, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { ConnectionState } from '../../src/client/connection';
import type { TopicMap } from '../../src/protocol/topics';
import { GwsHttpError } from '../../src/client/httpError';
import {
  readSnapshot,
  resyncPoints,
  snapshotFeed,
  snapshotLoader,
  snapshotNotifications,
  withSnapshots,
} from '../../src/cli/snapshot';
import type { SnapshotEvent } from '../../src/cli/snapshot';

const COOKIE = 'JSESSIONID=cookie-value-4815';
const CSRF = 'csrf-token-value-1623';
const session = { Cookie: COOKIE, 'X-CSRF-TOKEN': CSRF };

const service = (id: string, state: string) => ({ id, name: 'SIPS', type: 'Voice', state });
const chat = (id: string, state: string) => ({ id, state, participants: [] });
const all = new Set<string>(['/v2/me/chats', '/v2/me/calls', '/v2/me/devices', '/notifications/services']);

describe('readSnapshot and snapshotLoader (against a small server on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  let answer: { status: number; body: string } = { status: 200, body: '{}' };
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const failureOf = async (p: Promise<unknown>): Promise<GwsHttpError> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof GwsHttpError && e.request === 'snapshot') return e;
      throw e;
    }
    throw new Error('expected a GwsHttpError');
  };
  const expectNoSecret = (e: Error): void => {
    expect(e.message).not.toContain('cookie-value-4815');
    expect(e.message).not.toContain(CSRF);
    expect(e.message.split('\n')).toHaveLength(1);
  };

  it('GETs /api/v2/me?subresources=* with the session cookie and CSRF header, and returns the user object', async () => {
    answer = { status: 200, body: JSON.stringify({ statusCode: 0, user: { userName: 'a', services: [] } }) };
    const user = await readSnapshot(`${base}/`, session);
    expect(user).toEqual({ userName: 'a', services: [] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/api/v2/me?subresources=*');
    expect(seen[0]?.headers.cookie).toBe(COOKIE);
    expect(seen[0]?.headers['x-csrf-token']).toBe(CSRF);
  });

  it.each([
    [500, '{"statusCode":500}', /HTTP 500/],
    [200, 'not json', /not JSON/],
    [200, '{"statusCode":0}', /without a "user" object/],
    [200, '{"statusCode":0,"user":[1]}', /without a "user" object/],
  ])('HTTP %i %j -> a one-line GwsHttpError without secrets', async (status, body, message) => {
    answer = { status, body };
    const e = await failureOf(readSnapshot(base, session));
    expect(e.message).toMatch(message);
    expect(e.message).toContain('/api/v2/me?subresources=*');
    expect(e.httpStatus).toBe(status);
    expectNoSecret(e);
  });

  it('an unreachable server -> a GwsHttpError naming it, no HTTP status', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const e = await failureOf(readSnapshot(`http://127.0.0.1:${port}`, session));
    expect(e.message).toContain(`127.0.0.1:${port}`);
    expect(e.message).toMatch(/ECONNREFUSED/);
    expect(e.httpStatus).toBeUndefined();
    expectNoSecret(e);
  });

  it('a server that never answers -> a GwsHttpError after the timeout, no HTTP status', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const port = (silent.address() as AddressInfo).port;
    try {
      const e = await failureOf(readSnapshot(`http://127.0.0.1:${port}`, session, globalThis.fetch, 50));
      expect(e.message).toBe(`GET http://127.0.0.1:${port}/api/v2/me?subresources=* got no answer within 50 ms`);
      expect(e.httpStatus).toBeUndefined();
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((done) => silent.close(() => done()));
    }
  });

  it('loader: uses the latest session; logs in when there is none', async () => {
    answer = { status: 200, body: '{"user":{"n":1}}' };
    const login = jest.fn(() => Promise.resolve({ Cookie: 'JSESSIONID=fresh' }));
    expect(await snapshotLoader(base, () => session, login)()).toEqual({ n: 1 });
    expect(login).not.toHaveBeenCalled();
    expect(await snapshotLoader(base, () => undefined, login)()).toEqual({ n: 1 });
    expect(login).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.headers.cookie)).toEqual([COOKIE, 'JSESSIONID=fresh']);
  });

  it('loader: on 401/403 logs in again once and retries; a second rejection is the error', async () => {
    answer = { status: 401, body: '{}' };
    const login = jest.fn(() => {
      answer = { status: 200, body: '{"user":{"again":true}}' };
      return Promise.resolve({ Cookie: 'JSESSIONID=fresh' });
    });
    expect(await snapshotLoader(base, () => session, login)()).toEqual({ again: true });
    expect(login).toHaveBeenCalledTimes(1);

    answer = { status: 403, body: '{}' };
    const stillRejected = jest.fn(() => Promise.resolve({ Cookie: 'JSESSIONID=fresh' }));
    const e = await failureOf(snapshotLoader(base, () => session, stillRejected)());
    expect(e.httpStatus).toBe(403);
    expect(stillRejected).toHaveBeenCalledTimes(1);

    answer = { status: 500, body: '{}' };
    const notCalled = jest.fn(() => Promise.resolve({}));
    expect((await failureOf(snapshotLoader(base, () => session, notCalled)())).httpStatus).toBe(500);
    expect(notCalled).not.toHaveBeenCalled();
  });
});

describe('snapshotNotifications', () => {
  it('one decoded state change per resource, for the topics asked for only', () => {
    const user = {
      userName: 'agent1',
      services: [service('s1', 'Active')],
      devices: [
        { id: 'd1', userState: { state: 'Ready' } },
        { id: 'd2', userState: { state: 'NotReady' } },
      ],
      chats: [chat('c1', 'Chatting')],
      calls: [{ id: 'k1', state: 'Established' }],
      emails: [{ id: 'e1', state: 'Processing' }],
    };
    const { notifications, failures } = snapshotNotifications(user, all);
    expect(failures).toEqual([]);
    expect(notifications.map((n) => `${n.channel} ${n.data.messageType}`)).toEqual([
      '/v2/me/devices DeviceStateChangeMessage',
      '/v2/me/devices DeviceStateChangeMessage',
      // in the order of the registry of media kinds
      '/v2/me/calls CallStateChangeMessage',
      '/notifications/services ServiceStateChangeMessage',
      '/v2/me/chats ChatStateChangeMessage',
    ]);
    const svc = notifications.find((n) => n.channel === '/notifications/services');
    expect(svc?.data).toEqual({ messageType: 'ServiceStateChangeMessage', service: service('s1', 'Active') });
    const ch = notifications.find((n) => n.channel === '/v2/me/chats');
    expect(ch?.data).toMatchObject({ notificationType: 'StatusChange', chat: { id: 'c1', state: 'Chatting' } });
  });

  it('a resource that does not decode is a failure with a readable path and the raw payload marked as snapshot', () => {
    const user = { services: [service('s1', 'Active'), { name: 'no id' }], chats: 'not a list' };
    const { notifications, failures } = snapshotNotifications(user, all);
    expect(notifications).toHaveLength(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.channel).toBe('/notifications/services');
    expect(failures[0]?.errors.join('\n')).toMatch(/service.*id/);
    expect(failures[0]?.raw).toMatchObject({ snapshot: true, data: { service: { name: 'no id' } } });
  });

  it('ignores inherited keys and absent lists', () => {
    const user = Object.create({ services: [service('s1', 'Active')] }) as Record<string, unknown>;
    expect(snapshotNotifications(user, all)).toEqual({ notifications: [], failures: [] });
  });
});

describe('resyncPoints', () => {
  it('the first connect, every reconnecting -> connected, and a new clientId; not repeats', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const states: Record<string, ConnectionState> = {
        i: { status: 'idle' },
        h: { status: 'connecting' },
        a: { status: 'connected', clientId: 'A' },
        r: { status: 'reconnecting', reason: 'x', attempt: 1 },
        s: { status: 'reconnecting', reason: 'x', attempt: 2 },
        b: { status: 'connected', clientId: 'B' },
        d: { status: 'disconnected', reason: 'closed' },
      };
      const source = cold('ihaa-rsa-b-b-d|', states);
      expectObservable(resyncPoints(source)).toBe('--a----a-b----|', states);
    });
  });
});

describe('snapshotFeed', () => {
  const connected = (clientId: string): ConnectionState => ({ status: 'connected', clientId });
  const reconnecting: ConnectionState = { status: 'reconnecting', reason: 'network', attempt: 1 };

  it('reads at each resync point; a failed read is a one-line event and the feed goes on', async () => {
    const connection$ = new Subject<ConnectionState>();
    const answers = [
      Promise.reject(new GwsHttpError('GET http://h/api/v2/me?subresources=* answered HTTP 500', 500, 'snapshot')),
      Promise.resolve({ services: [service('s1', 'Inactive')] }),
    ];
    const load = jest.fn(() => answers.shift() ?? Promise.reject(new Error('no more answers')));
    const events = firstValueFrom(
      snapshotFeed(connection$, load, new Set(['/notifications/services'])).pipe(take(4), toArray()),
    );
    connection$.next(connected('A'));
    await new Promise((r) => setImmediate(r));
    connection$.next(reconnecting);
    connection$.next(connected('A'));
    const got: readonly SnapshotEvent[] = await events;
    expect(load).toHaveBeenCalledTimes(2);
    expect(got.map((e) => e.type)).toEqual(['requested', 'failed', 'requested', 'loaded']);
    expect(got[1]).toEqual({
      type: 'failed',
      message: 'snapshot not read: GET http://h/api/v2/me?subresources=* answered HTTP 500',
    });
    expect(got[3]).toMatchObject({ type: 'loaded', failures: [] });
    expect(got[3]?.type === 'loaded' ? got[3].notifications.map((n) => n.data) : []).toEqual([
      { messageType: 'ServiceStateChangeMessage', service: service('s1', 'Inactive') },
    ]);
  });

  it('a newer resync point cancels a read still running (its answer is never used)', async () => {
    const connection$ = new Subject<ConnectionState>();
    let release: (u: Record<string, unknown>) => void = () => undefined;
    const slow = new Promise<Record<string, unknown>>((r) => (release = r));
    const answers = [slow, Promise.resolve({ services: [service('s2', 'Active')] })];
    const events = firstValueFrom(
      snapshotFeed(connection$, () => answers.shift() ?? slow, new Set(['/notifications/services'])).pipe(
        take(3),
        toArray(),
      ),
    );
    connection$.next(connected('A'));
    connection$.next(connected('B'));
    release({ services: [service('s1', 'Active')] });
    const got = await events;
    expect(got.map((e) => e.type)).toEqual(['requested', 'requested', 'loaded']);
    expect(got[2]?.type === 'loaded' ? got[2].notifications.map((n) => n.data) : []).toEqual([
      { messageType: 'ServiceStateChangeMessage', service: service('s2', 'Active') },
    ]);
  });
});

describe('withSnapshots', () => {
  type Chats = TopicMap['/v2/me/chats'];
  type Services = TopicMap['/notifications/services'];
  const chatNote = (id: string, state: string): Chats => ({
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: chat(id, state),
  });
  const loaded = (user: Record<string, unknown>): SnapshotEvent => ({
    type: 'loaded',
    ...snapshotNotifications(user, all),
  });
  const summary = (n: Chats): string =>
    n.messageType === 'ChatStateChangeMessage' ? `${n.chat.id}=${n.chat.state ?? '?'}` : n.messageType;

  it('passes live notifications through and merges snapshot resources in as state changes', () => {
    const live = new Subject<Services>();
    const feed = new Subject<SnapshotEvent>();
    const out: string[] = [];
    withSnapshots('/notifications/services', live, feed).subscribe((n) =>
      out.push(`${n.service.id}=${n.service.state}`),
    );
    live.next({ messageType: 'ServiceStateChangeMessage', service: service('s1', 'Active') });
    feed.next({ type: 'requested' });
    feed.next(loaded({ services: [service('s2', 'Inactive')], chats: [chat('c1', 'Chatting')] }));
    expect(out).toEqual(['s1=Active', 's2=Inactive']);
  });

  it('a snapshot resource is skipped when a live notification about it arrived while the snapshot was read', () => {
    const live = new Subject<Chats>();
    const feed = new Subject<SnapshotEvent>();
    const out: string[] = [];
    withSnapshots('/v2/me/chats', live, feed).subscribe((n) => out.push(summary(n)));
    live.next(chatNote('c0', 'Chatting')); // before the request: the snapshot is newer
    feed.next({ type: 'requested' });
    live.next(chatNote('c1', 'Chatting')); // during the request: newer than the snapshot
    feed.next(loaded({ chats: [chat('c0', 'Accepted'), chat('c1', 'Invited'), chat('c2', 'Invited')] }));
    live.next(chatNote('c1', 'Completed'));
    feed.next({ type: 'requested' });
    feed.next(loaded({ chats: [chat('c0', 'Accepted'), chat('c1', 'Invited')] }));
    expect(out).toEqual([
      'c0=Chatting',
      'c1=Chatting',
      'c0=Accepted',
      'c2=Invited',
      'c1=Completed',
      'c0=Accepted',
      'c1=Invited',
      'c2=Completed', // open before, not listed any more: ended while away
    ]);
  });

  it('conversations gone from the snapshot end with a decoded state change; ended ones and failed reads do not', () => {
    const live = new Subject<Chats>();
    const feed = new Subject<SnapshotEvent>();
    const out: Chats[] = [];
    withSnapshots('/v2/me/chats', live, feed).subscribe((n) => out.push(n));
    live.next(chatNote('c1', 'Chatting'));
    live.next(chatNote('c2', 'Chatting'));
    live.next(chatNote('c3', ' Completed '));
    feed.next({ type: 'requested' });
    feed.next({ type: 'failed', message: 'snapshot not read: HTTP 500' });
    expect(out.map(summary)).toEqual(['c1=Chatting', 'c2=Chatting', 'c3= Completed ']);
    feed.next({ type: 'requested' });
    feed.next(loaded({ chats: [chat('c2', 'Chatting')] }));
    expect(out.slice(3).map(summary)).toEqual(['c2=Chatting', 'c1=Completed']);
    expect(out[4]).toEqual({
      messageType: 'ChatStateChangeMessage',
      notificationType: 'StatusChange',
      chat: { id: 'c1', state: 'Completed' },
    });
    feed.next({ type: 'requested' });
    feed.next(loaded({ chats: [chat('c2', 'Chatting')] }));
    expect(out.slice(5).map(summary)).toEqual(['c2=Chatting']); // c1 is not ended twice
  });

  it('errors and completion of the live stream pass through; unsubscribing releases both sources', () => {
    const live = new Subject<Chats>();
    const feed = new Subject<SnapshotEvent>();
    const err = new Error('boom');
    let seen: unknown;
    withSnapshots('/v2/me/chats', live, feed).subscribe({ error: (e: unknown) => (seen = e) });
    live.error(err);
    expect(seen).toBe(err);
    expect(feed.observed).toBe(false);

    const live2 = new Subject<Chats>();
    let done = false;
    const sub = withSnapshots('/v2/me/chats', live2, feed).subscribe({ complete: () => (done = true) });
    expect(live2.observed && feed.observed).toBe(true);
    live2.complete();
    expect(done).toBe(true);
    sub.unsubscribe();
    const live3 = new Subject<Chats>();
    withSnapshots('/v2/me/chats', live3, feed).subscribe().unsubscribe();
    expect(live3.observed).toBe(false);
    expect(feed.observed).toBe(false);
  });
});
