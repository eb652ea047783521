// The simulator's HTTP surface: GWS-like auth, the subresources snapshot and the fault switches, over real HTTP.
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator } from '../../src/sim/server';

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface Login {
  readonly cookie: string;
  readonly csrf: string;
}

const login = async (sim: GwsSimulator): Promise<Login> => {
  const res = await fetch(`${sim.url}/api/v2/me`, {
    headers: { Authorization: basic(sim.user.username, sim.user.password) },
  });
  expect(res.status).toBe(200);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('JSESSIONID='));
  const csrf = res.headers.get('x-csrf-token');
  if (setCookie === undefined || csrf === null) throw new Error('login did not set JSESSIONID and X-CSRF-TOKEN');
  return { cookie: setCookie.split(';')[0] ?? '', csrf };
};

type Bayeux = Record<string, unknown>[];
/**
 * A fetch that retries once on a network error: after a fault switch closes every socket, the client's pool may
 * still hand out a kept-alive socket the server already closed ("other side closed"), as any real client sees.
 */
const fetchRetryOnce = (url: string, init: RequestInit): Promise<Response> =>
  fetch(url, init).catch(() => fetch(url, init));
const bayeuxPost = (
  sim: GwsSimulator,
  path: string,
  body: Bayeux,
  headers: Record<string, string>,
  retry = false,
): Promise<Response> => {
  const init = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
  return retry ? fetchRetryOnce(`${sim.notificationsUrl}${path}`, init) : fetch(`${sim.notificationsUrl}${path}`, init);
};
const handshakeMessage: Bayeux = [
  { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] },
];

/** Handshakes over raw HTTP; returns the clientId and the headers (JSESSIONID + BAYEUX_BROWSER + CSRF) to reuse. */
const handshake = async (sim: GwsSimulator, auth: Login) => {
  const res = await bayeuxPost(sim, '/handshake', handshakeMessage, { Cookie: auth.cookie, 'X-CSRF-TOKEN': auth.csrf });
  expect(res.status).toBe(200);
  const [reply] = (await res.json()) as { successful: boolean; clientId: string }[];
  expect(reply?.successful).toBe(true);
  const browser = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const headers = { Cookie: [auth.cookie, ...browser].join('; '), 'X-CSRF-TOKEN': auth.csrf };
  return { clientId: reply?.clientId ?? '', headers };
};
const connectMessage = (clientId: string): Bayeux => [
  { channel: '/meta/connect', clientId, connectionType: 'long-polling', advice: { timeout: 0 } },
];

/** Waits (without timers) until `cond` holds, or fails after many event-loop turns. */
const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 10000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  expect(cond()).toBe(true);
};

let sim: GwsSimulator;
beforeEach(async () => {
  sim = await startSimulator({ bayeux: { timeout: 5000 } });
});
afterEach(async () => {
  await sim.close();
});

describe('auth flow', () => {
  test('GET /api/v2/me: 401 without or with wrong credentials, and no cookie is set', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: basic(sim.user.username, 'wrong') },
      { Authorization: basic('nobody', 'x') },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${sim.url}/api/v2/me`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(sim.stats.rejected[401]).toBe(3);
  });

  test('GET /api/v2/me with Basic auth: 200, user JSON, HttpOnly JSESSIONID and the CSRF headers; no password', async () => {
    const res = await fetch(`${sim.url}/api/v2/me`, {
      headers: { Authorization: basic(sim.user.username, sim.user.password) },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(sim.user.password);
    expect(JSON.parse(text)).toMatchObject({ statusCode: 0, user: { userName: sim.user.username } });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^JSESSIONID=[\w-]{16,}; Path=\/; HttpOnly$/);
    expect(res.headers.get('x-csrf-header')).toBe('X-CSRF-TOKEN');
    expect(res.headers.get('x-csrf-token')).toMatch(/^[\w-]{16,}$/);
    const second = await login(sim);
    expect(second.cookie).not.toBe(cookie?.split(';')[0]);
  });

  test('custom users option replaces the default user', async () => {
    const other = await startSimulator({ users: { sup1: 'pw-1' } });
    try {
      expect(other.user).toEqual({ username: 'sup1', password: 'pw-1' });
      const ok = await fetch(`${other.url}/api/v2/me`, { headers: { Authorization: basic('sup1', 'pw-1') } });
      expect(ok.status).toBe(200);
      const old = await fetch(`${other.url}/api/v2/me`, { headers: { Authorization: basic('agent1', 'agent1-demo') } });
      expect(old.status).toBe(401);
    } finally {
      await other.close();
    }
  });

  test('Bayeux endpoint: 403 without the cookie, without or with a wrong CSRF token; 200 with both', async () => {
    const auth = await login(sim);
    const cases: Record<string, string>[] = [
      {},
      { 'X-CSRF-TOKEN': auth.csrf },
      { Cookie: auth.cookie },
      { Cookie: auth.cookie, 'X-CSRF-TOKEN': `${auth.csrf}x` },
      { Cookie: 'JSESSIONID=forged', 'X-CSRF-TOKEN': auth.csrf },
    ];
    for (const headers of cases) {
      const res = await bayeuxPost(sim, '/handshake', handshakeMessage, headers);
      expect(res.status).toBe(403);
    }
    expect(sim.stats.rejected[403]).toBe(cases.length);
    expect(sim.stats.handshakes).toBe(0);
    const { clientId } = await handshake(sim, auth);
    expect(clientId).not.toBe('');
    expect(sim.stats.handshakes).toBe(1);
  });

  test('requireAuth: false accepts plain Bayeux', async () => {
    const open = await startSimulator({ requireAuth: false });
    try {
      const res = await bayeuxPost(open, '/handshake', handshakeMessage, {});
      expect(res.status).toBe(200);
      expect(((await res.json()) as { successful: boolean }[])[0]?.successful).toBe(true);
    } finally {
      await open.close();
    }
  });

  test('the JSESSIONID cookie alone re-authenticates GET /api/v2/me and keeps the same CSRF token', async () => {
    const auth = await login(sim);
    const res = await fetch(`${sim.url}/api/v2/me`, { headers: { Cookie: auth.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-csrf-token')).toBe(auth.csrf);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('subresources snapshot', () => {
  const chat = (id: string, state: string) => ({
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: { id, state, participants: [] },
  });

  test('reflects what was published, drops ended conversations, and needs a session', async () => {
    const auth = await login(sim);
    sim.publish('/v2/me/chats', chat('c1', 'Chatting'));
    sim.publish('/v2/me/chats', chat('c2', 'Chatting'));
    sim.publish('/v2/me/chats', chat('c2', 'Completed'));
    sim.publish('/v2/me/devices', {
      messageType: 'DeviceStateChangeMessage',
      devices: [{ id: 'd1', deviceState: 'Active', userState: { state: 'Ready' } }],
    });
    sim.publish('/notifications/services', {
      messageType: 'ServiceStateChangeMessage',
      service: { id: 's1', name: 'SIPS', type: 'Voice', state: 'Inactive' },
    });
    const res = await fetch(`${sim.url}/api/v2/me?subresources=*`, { headers: { Cookie: auth.cookie } });
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: Record<string, { id: string; state?: string }[]> };
    expect(user.chats).toEqual([{ id: 'c1', state: 'Chatting', participants: [], messages: [] }]);
    expect(user.devices?.map((d) => d.id)).toEqual(['d1']);
    expect(user.services?.map((s) => s.state)).toEqual(['Inactive']);
    expect(user.calls).toEqual([]);
    expect(user).toMatchObject({ userName: sim.user.username });
    expect(sim.snapshot().chats.map((c) => c.id)).toEqual(['c1']);

    const anonymous = await fetch(`${sim.url}/api/v2/me?subresources=*`);
    expect(anonymous.status).toBe(401);
    const plain = (await (await fetch(`${sim.url}/api/v2/me`, { headers: { Cookie: auth.cookie } })).json()) as {
      user: Record<string, unknown>;
    };
    expect(plain.user.chats).toBeUndefined();
  });
});

describe("the simulator's truth: transcripts and workbins in the snapshot", () => {
  const chat = (id: string, state: string) => ({
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: { id, state, participants: [] },
  });
  const entry = (index: number, text = `m${index}`) => ({
    index,
    type: 'Text',
    text,
    from: { nickname: 'c', type: 'Client' },
  });
  const log = (id: string, ...messages: unknown[]) => ({
    messageType: 'MessageLogUpdated',
    notificationType: 'NewMessages',
    chatUri: `http://gws/api/v2/chats/${id}`,
    messages,
  });
  const workbin = (action: string, id: string, state = 'InWorkbin') => ({
    messageType: 'WorkbinStateChangeMessage',
    id: 'wb1',
    action,
    emailStateResourceV2: { id, state },
  });

  test('each live chat lists its transcript so far: one entry per index (the first sent), in index order', async () => {
    const auth = await login(sim);
    sim.publish('/v2/me/chats', chat('c1', 'Chatting'));
    sim.publish('/v2/me/chats', log('c1', entry(1), entry(3)));
    sim.publish('/v2/me/chats', log('c1', entry(2), entry(3, 'again'), { type: 'Text', text: 'no index' }));
    sim.publish('/v2/me/chats', chat('c2', 'Chatting'));
    const expected = [entry(1), entry(2), entry(3)];
    expect(sim.transcript('c1')).toEqual(expected);
    expect(sim.transcript('c2')).toEqual([]);
    expect(sim.transcript('nope')).toEqual([]);
    const res = await fetch(`${sim.url}/api/v2/me?subresources=*`, { headers: { Cookie: auth.cookie } });
    const { user } = (await res.json()) as { user: { chats: { id: string; messages: unknown[] }[] } };
    expect(user.chats).toEqual([
      { id: 'c1', state: 'Chatting', participants: [], messages: expected },
      { id: 'c2', state: 'Chatting', participants: [], messages: [] },
    ]);
    expect(user.chats).toEqual(sim.snapshot().chats);

    // An ended chat leaves the snapshot with its transcript; a chat reusing the id starts empty.
    sim.publish('/v2/me/chats', chat('c1', 'Completed'));
    expect(sim.transcript('c1')).toEqual([]);
    sim.publish('/v2/me/chats', chat('c1', 'Chatting'));
    expect(sim.snapshot().chats.find((c) => c.id === 'c1')?.messages).toEqual([]);
  });

  test('workbins: ItemAdded and ItemUpdated put an item, ItemRemoved takes it out, other actions change nothing', async () => {
    const auth = await login(sim);
    expect(sim.snapshot().workbins).toEqual([]);
    sim.publish('/v2/me/workbins', {
      messageType: 'WorkbinSubscriptionStateChangeMessage',
      id: 'wb1',
      stateResource: 'Subscribed',
    });
    sim.publish('/v2/me/workbins', workbin('ItemAdded', 'e1'));
    sim.publish('/v2/me/workbins', workbin('ItemAdded', 'e2'));
    sim.publish('/v2/me/workbins', workbin(' ItemUpdated ', 'e1', 'Processing'));
    sim.publish('/v2/me/workbins', workbin('ItemRemoved', 'e2'));
    sim.publish('/v2/me/workbins', workbin('ItemRemoved', 'e9'));
    sim.publish('/v2/me/workbins', workbin('Shuffled', 'e3'));
    sim.publish('/v2/me/workbins', { messageType: 'WorkbinStateChangeMessage', id: 'wb1', action: 'ItemAdded' });
    expect(sim.snapshot().workbins).toEqual([{ id: 'wb1', items: [{ id: 'e1', state: 'Processing' }] }]);
    const res = await fetch(`${sim.url}/api/v2/me?subresources=*`, { headers: { Cookie: auth.cookie } });
    const { user } = (await res.json()) as { user: { workbins: unknown } };
    expect(user.workbins).toEqual(sim.snapshot().workbins);
    sim.publish('/v2/me/workbins', workbin('ItemRemoved', 'e1'));
    expect(sim.snapshot().workbins).toEqual([{ id: 'wb1', items: [] }]);
  });
});

describe('fault switches', () => {
  test('rejectCredentials(401|403) answers logins and Bayeux with that status; false restores', async () => {
    const auth = await login(sim);
    sim.faults.rejectCredentials(401);
    expect(
      (await fetch(`${sim.url}/api/v2/me`, { headers: { Authorization: basic(sim.user.username, sim.user.password) } }))
        .status,
    ).toBe(401);
    sim.faults.rejectCredentials(403);
    expect(
      (await bayeuxPost(sim, '/handshake', handshakeMessage, { Cookie: auth.cookie, 'X-CSRF-TOKEN': auth.csrf }))
        .status,
    ).toBe(403);
    sim.faults.rejectCredentials(false);
    await handshake(sim, auth);
  });

  test('expireSessions: the old cookie is refused (403), a new login works', async () => {
    const auth = await login(sim);
    sim.faults.expireSessions();
    const res = await bayeuxPost(sim, '/handshake', handshakeMessage, {
      Cookie: auth.cookie,
      'X-CSRF-TOKEN': auth.csrf,
    });
    expect(res.status).toBe(403);
    await handshake(sim, await login(sim));
  });

  test('restartBayeux: sessions are lost on the same port; a new handshake works', async () => {
    const { clientId, headers } = await handshake(sim, await login(sim));
    const port = sim.port;
    sim.faults.restartBayeux();
    const res = await bayeuxPost(sim, '/connect', connectMessage(clientId), headers, true);
    const [reply] = (await res.json()) as { successful: boolean; error?: string; advice?: { reconnect?: string } }[];
    expect(reply?.successful).toBe(false);
    expect(reply?.error).toMatch(/^402::/);
    expect(reply?.advice?.reconnect).toBe('handshake');
    expect(sim.port).toBe(port);
    await handshake(sim, await login(sim));
    expect(sim.stats.handshakes).toBe(2);
  });

  test('dropConnections: a pending long-poll fails with a network error', async () => {
    const { clientId, headers } = await handshake(sim, await login(sim));
    // The first connect returns at once; the second is held open by the server (long poll).
    expect((await bayeuxPost(sim, '/connect', connectMessage(clientId), headers)).status).toBe(200);
    const connects = sim.stats.connects;
    const pending = bayeuxPost(
      sim,
      '/connect',
      connectMessage(clientId).map((m) => ({ ...m, advice: undefined })),
      headers,
    );
    await until(() => sim.stats.connects > connects);
    sim.faults.dropConnections();
    await expect(pending).rejects.toThrow();
    // The server still holds that long poll's timer: a disconnect ends the session and releases it.
    const bye = await bayeuxPost(sim, '/disconnect', [{ channel: '/meta/disconnect', clientId }], headers, true);
    expect(((await bye.json()) as { successful: boolean }[])[0]?.successful).toBe(true);
  });

  test('stall: Bayeux requests hang unanswered while on; turning it off drops them; logins still work', async () => {
    const auth = await login(sim);
    sim.faults.stall(true);
    const before = sim.stats.bayeuxRequests;
    let settled = false;
    const pending = bayeuxPost(sim, '/handshake', handshakeMessage, { Cookie: auth.cookie, 'X-CSRF-TOKEN': auth.csrf });
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await until(() => sim.stats.bayeuxRequests > before);
    await login(sim); // another request round-trips while the Bayeux one hangs
    expect(settled).toBe(false);
    expect(sim.stats.handshakes).toBe(0);
    sim.faults.stall(false);
    await expect(pending).rejects.toThrow();
    await handshake(sim, auth);
  });
});

describe('logging', () => {
  test('log receives events but never a password, session cookie or CSRF token; silent by default', async () => {
    const lines: string[] = [];
    const logged = await startSimulator({ log: (l) => lines.push(l) });
    try {
      const auth = await login(logged);
      await bayeuxPost(logged, '/handshake', handshakeMessage, { Cookie: auth.cookie });
      await fetch(`${logged.url}/api/v2/me`, { headers: { Authorization: basic(logged.user.username, 'wrong-pw') } });
      logged.faults.rejectCredentials(401);
      logged.faults.rejectCredentials(false);
      logged.faults.restartBayeux();
      expect(lines.length).toBeGreaterThanOrEqual(3);
      const all = lines.join('\n');
      for (const secret of [logged.user.password, 'wrong-pw', auth.csrf, auth.cookie.split('=')[1] ?? 'x']) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});
