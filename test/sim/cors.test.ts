// The simulator's CORS option (allowedOrigins), over real HTTP: preflights answered for the allowed origins only,
// credentials allowed, the login's CSRF headers readable by the page; without the option nothing changes.
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator } from '../../src/sim/server';
import { normalizeOrigins } from '../../src/sim/cors';

const APP = 'http://127.0.0.1:4200';
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const preflight = (url: string, origin: string, headers = 'content-type,x-csrf-token'): Promise<Response> =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': headers },
  });

describe('allowedOrigins', () => {
  let sim: GwsSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ allowedOrigins: [APP, 'https://desk.example.com/'] });
  });
  afterAll(() => sim.close());

  test('a preflight from an allowed origin gets 204 with that origin, credentials and the headers it asked for', async () => {
    const res = await preflight(sim.notificationsUrl + '/connect', APP, 'content-type,x-csrf-token,x-custom');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(', ')).toEqual(
      expect.arrayContaining(['content-type', 'x-csrf-token', 'x-custom', 'authorization']),
    );
    expect(res.headers.get('vary')).toBe('Origin');
  });

  test('an origin given with a trailing slash matches what browsers send', async () => {
    const res = await preflight(sim.url + '/api/v2/me', 'https://desk.example.com');
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([204, 'https://desk.example.com']);
  });

  test('a preflight from another origin gets 403 and no CORS header', async () => {
    for (const origin of ['http://127.0.0.1:4201', 'http://localhost:4200', 'null']) {
      const res = await preflight(sim.notificationsUrl, origin);
      expect([origin, res.status, res.headers.get('access-control-allow-origin')]).toEqual([origin, 403, null]);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  test('the login answers an allowed origin with credentials allowed and the CSRF headers exposed', async () => {
    const res = await fetch(`${sim.url}/api/v2/me`, {
      headers: { Origin: APP, Authorization: basic(sim.user.username, sim.user.password) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-CSRF-HEADER, X-CSRF-TOKEN');
    expect(res.headers.get('x-csrf-token')).toEqual(expect.any(String));
  });

  test('errors carry the CORS headers too, so the page can read why it was refused', async () => {
    const res = await fetch(`${sim.url}/api/v2/me`, { headers: { Origin: APP, Authorization: basic('x', 'y') } });
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([401, APP]);
  });

  test('a request from another origin is served as before, without CORS headers (the browser blocks it)', async () => {
    const res = await fetch(`${sim.url}/api/v2/me`, {
      headers: { Origin: 'http://evil.example', Authorization: basic(sim.user.username, sim.user.password) },
    });
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([200, null]);
  });
});

describe('without allowedOrigins', () => {
  let sim: GwsSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());

  test('no CORS header on any answer, and a preflight is not answered as one', async () => {
    const res = await preflight(sim.url + '/api/v2/me', APP);
    expect(res.status).not.toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const me = await fetch(`${sim.url}/api/v2/me`, { headers: { Origin: APP } });
    expect(me.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('normalizeOrigins', () => {
  test('keeps origins as browsers send them (default port dropped, lower-case host, no trailing slash)', () => {
    expect([...normalizeOrigins(['HTTP://LocalHost:80/', 'https://a.example:8443'])]).toEqual([
      'http://localhost',
      'https://a.example:8443',
    ]);
  });

  test.each([
    ['*', /cannot be "\*"/],
    ['127.0.0.1:4200', /must be an (http or https )?origin/],
    ['http://127.0.0.1:4200/app', /origin only/],
    ['http://user:pw@127.0.0.1:4200', /origin only/],
    ['ftp://127.0.0.1', /http or https/],
    ['', /must be an origin/],
  ])('refuses %j with a TypeError naming the entry', (origin, why) => {
    expect(() => normalizeOrigins(['http://ok.example', origin])).toThrow(TypeError);
    expect(() => normalizeOrigins(['http://ok.example', origin])).toThrow(why);
    expect(() => normalizeOrigins(['http://ok.example', origin])).toThrow(/allowedOrigins\[1\]/);
  });

  test('startSimulator rejects a bad list before it listens', async () => {
    await expect(startSimulator({ allowedOrigins: ['*'] })).rejects.toThrow(TypeError);
  });
});
