// The Angular example (examples/angular, its own package.json and lock) built and driven for real: gws-rx packed
// with `npm pack` and installed from the tarball, the official builder (`ng build`, with its prerender), then
// Chromium against the simulator in both dev setups: the app on another origin (CORS, `allowedOrigins`) and on the
// simulator's own origin (what a dev-server proxy gives). Needs `npm ci --prefix examples/angular` (preflight says
// so) and the root `npm run build` (npm test builds first).
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { generateShift, play, startSimulator } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';

const root = resolve(__dirname, '../..');
const example = join(root, 'examples/angular');
const dist = join(example, 'dist');
const site = join(dist, 'browser');
const CHROMIUM = '/usr/bin/chromium';
const run = promisify(execFile);

jest.setTimeout(600_000);

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Serves the built app: a prerendered page for its route (`/`, `/server-check`), else a file, else 404. */
const siteRoutes =
  (dir: string) =>
  (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) return false;
    const base = normalize(dir + sep);
    const candidates = [join(base, path, 'index.html'), join(base, path)].map((f) => normalize(f));
    const file = candidates.find((f) => f.startsWith(base) && existsSync(f) && statSync(f).isFile());
    if (file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return true;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
    return true;
  };

interface Metafile {
  readonly outputs: Readonly<
    Record<
      string,
      {
        readonly bytes: number;
        readonly entryPoint?: string;
        readonly imports: readonly { readonly path: string; readonly kind: string }[];
        readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>>;
      }
    >
  >;
}

let sim: GwsSimulator;
let stopScenario: () => void = () => undefined;
let appServer: Server;
let appOrigin: string;
let browser: Browser;
const consoleErrors: string[] = [];

const newPage = async (): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`console: ${m.text()}`);
  });
  return page;
};

/** Records every status the connection badge takes (a MutationObserver misses none, however brief). */
const watchStatuses = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const badge = document.querySelector('[data-testid="connection-status"]');
    const w = window as unknown as { statuses: string[] };
    w.statuses = [];
    new MutationObserver(() => w.statuses.push(badge?.getAttribute('data-status') ?? '')).observe(badge as Node, {
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });

/** Every chat shown: id → transcript length. */
const chatsShown = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('[data-testid="conversation"]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-id') ?? '', e.getAttribute('data-messages') ?? ''])),
  );

beforeAll(async () => {
  if (!existsSync(join(example, 'node_modules/.package-lock.json')))
    throw new Error('examples/angular has no dependencies: npm ci --prefix examples/angular');
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('gws-rx is not built: npm run build');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' };
  // The package as users get it: npm pack, then npm install of the tarball (not saved: the lock stays registry-only).
  await run(process.execPath, ['scripts/install-gws-rx.mjs'], { cwd: example, env });
  await run(process.execPath, ['node_modules/@angular/cli/bin/ng.js', 'build', '--stats-json'], {
    cwd: example,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });

  // The app on its own origin; the simulator on another, allowing it (CORS), and serving the app itself too.
  appServer = createServer((req, res) => {
    if (!siteRoutes(site)(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => appServer.listen(0, '127.0.0.1', done));
  appOrigin = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
  // A short long-poll, as in the dashboard test: no held /meta/connect timer outlives the test.
  sim = await startSimulator({ allowedOrigins: [appOrigin], routes: siteRoutes(site), bayeux: { timeout: 1000 } });
  stopScenario = play(sim, (i) => generateShift({ seed: 11 + i, idPrefix: `a${i}-`, baseUrl: sim.url }), {
    speed: 4,
    loop: true,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  stopScenario();
  await sim?.close();
  await new Promise((done) => (appServer ? appServer.close(done) : done(undefined)));
});

describe('the build', () => {
  test('prerenders the login form, and a client created on the server reports "no browser window" (no ReferenceError)', () => {
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('data-testid="use-simulator"');
    const check = readFileSync(join(site, 'server-check/index.html'), 'utf8');
    expect(check).toMatch(
      /data-testid="server-check"[^>]*>server render: failed: no browser window \(cometd needs one\)/,
    );
  });

  test('its initial bundle holds gws-rx from the tarball, and no Node code or CommonJS copy of io-ts/fp-ts', () => {
    const meta = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8')) as Metafile;
    const [mainName, main] = Object.entries(meta.outputs).find(([, o]) => o.entryPoint?.endsWith('src/main.ts')) ?? [];
    if (mainName === undefined || main === undefined) throw new Error('no output for src/main.ts in stats.json');
    const initial = [mainName, ...main.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)];
    const inputs = initial.flatMap((name) => Object.entries(meta.outputs[name]?.inputs ?? {}));
    const bytesOf = (re: RegExp): number =>
      inputs.filter(([p]) => re.test(p)).reduce((n, [, i]) => n + i.bytesInOutput, 0);
    const total = initial.reduce((n, name) => n + (meta.outputs[name]?.bytes ?? 0), 0);
    const gz = initial.reduce((n, name) => n + gzipSync(readFileSync(join(site, name))).length, 0);
    const share = {
      initialBytes: total,
      initialGzipBytes: gz,
      gwsRx: bytesOf(/node_modules\/gws-rx\//),
      cometd: bytesOf(/node_modules\/cometd\//),
      ioTs: bytesOf(/node_modules\/io-ts\//),
      fpTs: bytesOf(/node_modules\/fp-ts\//),
      rxjs: bytesOf(/node_modules\/rxjs\//),
      angular: bytesOf(/node_modules\/@angular\//),
    };
    mkdirSync(join(root, 'test-output'), { recursive: true });
    writeFileSync(join(root, 'test-output/angular-bundle.json'), JSON.stringify(share, null, 2) + '\n');
    expect(share.gwsRx).toBeGreaterThan(0);
    expect(inputs.map(([p]) => p).filter((p) => /node_modules\/gws-rx\/dist\/index\.js$/.test(p))).toHaveLength(1);
    expect(
      inputs
        .map(([p]) => p)
        .filter((p) => /cometd-nodejs|node_modules\/(io-ts|fp-ts)\/lib\/|\/sim\.js$|\/node\.js$/.test(p)),
    ).toEqual([]);
  });
});

describe('in Chromium, on another origin than the simulator (CORS)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage();
    await page.goto(`${appOrigin}/?gws=${encodeURIComponent(sim.url)}`);
  });
  afterAll(() => page?.close());

  test('a wrong password shows the login error, without the password', async () => {
    const logged = consoleErrors.length;
    await page.fill('input[name="username"]', 'agent1');
    await page.fill('input[name="password"]', 'not-the-password-42');
    await page.click('button[type="submit"]');
    const error = await page.waitForSelector('[data-testid="login-error"]');
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/rejected the credentials.*401/);
    expect(text).not.toContain('not-the-password-42');
    // Chromium's own network line for the 401 is the only console error this step may cause; taken out here.
    expect(consoleErrors.splice(logged)).toEqual([
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
  });

  test('"Use the simulator" connects and shows agents, services, chats and calls', async () => {
    await page.click('[data-testid="use-simulator"]');
    await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
    await page.waitForSelector('[data-testid="agent"]');
    await page.waitForSelector('[data-testid="service"]');
    await page.waitForSelector('[data-testid="conversation"]');
    await page.waitForSelector('[data-testid="call"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="connection-status"]')).toBe('connected');
    // The state read (syncedTopic) went through CORS too: its preflight and its credentials.
    await page.waitForSelector('[data-testid="sync"][data-status="synced"]');
  });

  test('live updates appear: a transcript grows and someone types', async () => {
    const grown = await page.waitForFunction(
      () => {
        const w = window as unknown as { seen?: Record<string, number> };
        const seen = (w.seen ??= {});
        for (const el of Array.from(document.querySelectorAll('[data-testid="conversation"]'))) {
          const id = el.getAttribute('data-id') ?? '';
          const n = Number(el.getAttribute('data-messages'));
          const first = seen[id];
          if (first === undefined) seen[id] = n;
          else if (n > first && el.querySelectorAll('[data-testid="transcript-line"]').length > 0)
            return { from: first, to: n };
        }
        return false;
      },
      undefined,
      { polling: 100, timeout: 60_000 },
    );
    const { from, to } = (await grown.jsonValue()) as { from: number; to: number };
    expect(to).toBeGreaterThan(from);
    const typing = await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-testid="typing"]'))
          .map((e) => e.textContent ?? '')
          .find((t) => t.includes('typing')) ?? false,
      undefined,
      { polling: 100, timeout: 60_000 },
    );
    expect(await typing.jsonValue()).toMatch(/^\S.* typing…$/);
  });

  test('the agent acts: Not ready and Ready, accept/send/complete a chat, answer/hold/hang up a call', async () => {
    // The scenario stops (the restart test below needs it stopped too): the resources acted on change only by the
    // operations, and each step waits for the state the server's notification brings.
    stopScenario();
    const result = (text: string): string => `[data-testid="operation-result"]:text-is("${text}")`;
    await page.click('[data-testid="agent-not-ready"]');
    await page.waitForSelector(result('NotReady: confirmed'));
    expect(await page.textContent('[data-testid="agents"]')).toContain('NotReady');
    await page.click('[data-testid="agent-ready"]');
    await page.waitForSelector(result('Ready: confirmed'));
    expect(await page.textContent('[data-testid="agents"]')).toMatch(/\bReady\b/);

    const customer = { nickname: 'Nina', type: 'Customer', participantId: 'p-nina' };
    sim.publish('/v2/me/chats', {
      messageType: 'ChatStateChangeMessage',
      notificationType: 'StatusChange',
      chat: {
        id: 'ng-chat',
        state: 'Invited',
        uri: `${sim.url}/api/v2/chats/ng-chat`,
        path: '/chats/ng-chat',
        participants: [customer],
        capabilities: ['Accept', 'Reject'],
      },
    });
    const chat = '[data-testid="conversation"][data-id="ng-chat"]';
    await page.click(`${chat} [data-testid="chat-accept"]`);
    await page.waitForSelector(`${chat}[data-state="Chatting"]`);
    await page.fill(`${chat} [data-testid="chat-message"]`, 'Hello from Angular');
    await page.click(`${chat} [data-testid="chat-send"]`);
    const line = await page.waitForSelector(`${chat} [data-testid="transcript-line"]:has-text("Hello from Angular")`);
    expect(await line.textContent()).toMatch(/:\s+Hello from Angular/);
    await page.click(`${chat} [data-testid="chat-complete"]`);
    await page.waitForSelector(chat, { state: 'detached' });
    await page.waitForSelector(result('Complete: confirmed'));

    sim.publish('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      call: {
        id: 'ng-call',
        state: 'Ringing',
        callUuid: 'ng-call',
        participants: [{ phoneNumber: '5551234', digits: '5551234' }],
        ani: '5551234',
        dnis: '5000',
        callType: 'Inbound',
        capabilities: ['Answer'],
      },
    });
    const call = '[data-testid="call"][data-id="ng-call"]';
    await page.click(`${call} [data-testid="call-Answer"]`);
    await page.waitForSelector(`${call}[data-state="Established"]`);
    await page.click(`${call} [data-testid="call-Hold"]`);
    await page.waitForSelector(`${call}[data-state="Held"]`);
    await page.click(`${call} [data-testid="call-Hangup"]`);
    await page.waitForSelector(call, { state: 'detached' });
    await page.waitForSelector(result('Hangup: confirmed'));
  });

  // Issue #16 (this case was skipped while open; it failed in 6 of 7 runs): after `restartBayeux()` the client's
  // headerProvider logged in again beside CometD's immediate re-handshake, and when the login's new session cookie
  // landed first the handshake carried the old CSRF header: one 403. CometD's long-polling transport then refused the
  // simulator's origin for good and fell back to JSONP, which cannot send the CSRF header and reports no HTTP status:
  // "reconnecting" forever. Both were fixed in the client (src/client: long-polling is kept across origins; a lost
  // session is re-handshaken by gws-rx once the provider answered). The same-origin dashboard never hit the second.
  // A failure prints the statuses, the badge texts and the console lines.
  test('a simulator restart shows reconnecting then connected, with the state intact and updates resuming', async () => {
    // The scenario is stopped: nothing ends or leaves while the Bayeux server restarts, so whatever the page showed
    // before must still be there after (transcripts can only have grown, by notifications that were in flight).
    stopScenario();
    const before = await chatsShown(page);
    const agentsBefore = await page.$$eval('[data-testid="agent"]', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(Object.keys(before).length).toBeGreaterThan(0);
    await watchStatuses(page);
    sim.faults.restartBayeux();
    await page
      .waitForFunction(
        () => {
          const s = (window as unknown as { statuses: string[] }).statuses;
          const r = s.indexOf('reconnecting');
          return r >= 0 && s.indexOf('connected', r) > r;
        },
        undefined,
        { polling: 100, timeout: 60_000 },
      )
      .catch(async (e: unknown) => {
        const seen = await page.evaluate(() => [
          ...(window as unknown as { statuses: string[] }).statuses,
          document.querySelector('[data-testid="connection-status"]')?.textContent ?? '',
          document.querySelector('[data-testid="sync"]')?.textContent ?? '',
        ]);
        throw new Error(
          `statuses after the restart: ${JSON.stringify(seen)}; console: ${JSON.stringify(consoleErrors)}; ${String(e)}`,
        );
      });
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    expect(statuses.at(-1)).toBe('connected');
    expect(statuses).not.toContain('failed');
    const after = await chatsShown(page);
    // A chat gone from the page must be one the simulator ended (by a notification in flight when it stopped).
    const live = new Set(sim.snapshot().chats.map((c) => c.id));
    for (const [id, messages] of Object.entries(before))
      expect([id, after[id] === undefined ? !live.has(id) : Number(after[id]) >= Number(messages)]).toEqual([id, true]);
    expect(Object.keys(after).length).toBeGreaterThan(0);
    expect(await page.$$eval('[data-testid="agent"]', (els) => els.map((e) => e.getAttribute('data-id')))).toEqual(
      agentsBefore,
    );
    await page.waitForSelector('[data-testid="sync"][data-status="synced"]');
    // Notifications published after the restart reach the page through the new Bayeux session.
    stopScenario = play(sim, (i) => generateShift({ seed: 41 + i, idPrefix: `r${i}-`, baseUrl: sim.url }), {
      speed: 4,
      loop: true,
    });
    await page.waitForSelector('[data-testid="conversation"][data-id^="r0-"]', { timeout: 60_000 });
  });

  test('shows no decode failures', async () => {
    expect(await page.textContent('[data-testid="decode-failures"]')).toBe('0');
  });
});

describe('in Chromium, on the simulator’s own origin (what a dev-server proxy gives)', () => {
  test('"Use the simulator" connects with the page’s origin as the base URL and shows chats', async () => {
    const page = await newPage();
    try {
      await page.goto(`${sim.url}/`);
      expect(await page.inputValue('[data-testid="base-url"]')).toBe(sim.url);
      await page.click('[data-testid="use-simulator"]');
      await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]');
      await page.waitForSelector('[data-testid="conversation"]', { timeout: 60_000 });
      await page.click('[data-testid="logout"]');
      await page.waitForSelector('[data-testid="connection-status"][data-status="idle"]');
    } finally {
      await page.close();
    }
  });
});

describe('every page', () => {
  test('raised no error and logged none to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
