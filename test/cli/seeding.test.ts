// The built `gws-rx` command seeds its state from GET /api/v2/me?subresources=* (syncedTopic): at start, after a new
// session, and it keeps watching when that request fails. Runs dist/cli.js (from `npm run build`) as users do.
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { either } from 'fp-ts';
import { decodeNotification } from '../../src/protocol/decode';
import { startSimulator, generateShift, play } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const PASSWORD = 'Seed-Secret-2342';
const USER = 'agent7';

jest.setTimeout(60_000);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} missing: run \`npm run build\` first`);
});

interface Cli {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: string;
  stderr: string;
  /** Resolves when `test` holds for the output so far (checked on every chunk). */
  waitFor(test: (c: Cli) => boolean): Promise<void>;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
}

/** Starts the CLI with stdin closed and GWS_PASSWORD set. */
const start = (args: readonly string[]): Cli => {
  const env = Object.fromEntries(
    Object.entries({ ...process.env, GWS_PASSWORD: PASSWORD }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const waiters: (() => void)[] = [];
  const poke = (): void => {
    for (const w of [...waiters]) w();
  };
  const c: Cli = {
    child,
    stdout: '',
    stderr: '',
    waitFor: (test) =>
      new Promise((done, fail) => {
        const check = (): void => {
          if (test(c)) {
            waiters.splice(waiters.indexOf(check), 1);
            done();
          } else if (child.exitCode !== null) {
            waiters.splice(waiters.indexOf(check), 1);
            fail(new Error(`CLI exited (${child.exitCode}) first.\nstdout: ${c.stdout}\nstderr: ${c.stderr}`));
          }
        };
        waiters.push(check);
        check();
      }),
    exited: new Promise((done) => child.on('close', (code) => done(code))),
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    c.stdout += d;
    poke();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    c.stderr += d;
    poke();
  });
  child.on('exit', poke);
  return c;
};

const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

interface Line {
  readonly channel: string;
  readonly data: {
    readonly messageType: string;
    readonly service?: { readonly id: string; readonly state?: string };
    readonly resources?: readonly unknown[];
    readonly removed?: readonly string[];
  };
}
const parsed = (text: string): Line[] => lines(text).map((l) => JSON.parse(l) as Line);
const serviceLines = (text: string): Line[] => parsed(text).filter((l) => l.channel === '/notifications/services');
const isResync = (l: Line): boolean => l.data.messageType === 'Resync';
/** What a Resync line of the services topic says: the services it puts in place. */
const resyncOf = (...services: unknown[]) => ({
  channel: '/notifications/services',
  data: { messageType: 'Resync', read: expect.any(Number), resources: services, removed: [] },
});

const voice = { id: 'svc-voice', name: 'SIPS', type: 'Voice' };
const serviceChange = (state: string) => ({ messageType: 'ServiceStateChangeMessage', service: { ...voice, state } });

/** Requests for the snapshot the simulator saw, and whether each carried Basic credentials or the session cookie. */
const snapshotRequests: { basic: boolean; cookie: boolean; csrf: boolean }[] = [];
const recordSnapshots = (req: IncomingMessage): boolean => {
  if (req.url === '/api/v2/me?subresources=*')
    snapshotRequests.push({
      basic: req.headers.authorization !== undefined,
      cookie: (req.headers.cookie ?? '').includes('JSESSIONID='),
      csrf: typeof req.headers['x-csrf-token'] === 'string',
    });
  return false;
};

const expectNoSecret = (c: { stdout: string; stderr: string }): void => {
  for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')]) {
    expect(c.stdout).not.toContain(secret);
    expect(c.stderr).not.toContain(secret);
  }
};

describe('gws-rx watch seeds its state from the snapshot', () => {
  let sim: GwsSimulator;

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      users: { [USER]: PASSWORD },
      bayeux: { timeout: 1000 },
      routes: recordSnapshots,
    });
    // Published before any client exists: only the snapshot can tell the CLI about it.
    sim.publish('/notifications/services', serviceChange('Active'));
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => {
    snapshotRequests.length = 0;
  });

  it('--json prints the service a state read lists (a Resync line) although no change is published while it runs', async () => {
    const c = start(['watch', '--url', sim.url, '--user', USER, '--json', '--duration', '3']);
    expect(await c.exited).toBe(0);
    const services = serviceLines(c.stdout);
    expect(services.length).toBeGreaterThanOrEqual(1);
    for (const l of services) expect(l).toEqual(resyncOf(serviceChange('Active').service));
    for (const l of parsed(c.stdout).filter((x) => !isResync(x)))
      expect(either.isRight(decodeNotification(l))).toBe(true);
    expect(c.stderr).toBe('');
    // Read with the client's session (cookie + CSRF header), never with the password.
    expect(snapshotRequests.length).toBeGreaterThanOrEqual(1);
    for (const r of snapshotRequests) expect(r).toEqual({ basic: false, cookie: true, csrf: true });
    expectNoSecret(c);
  });

  it('the live view (plain lines) shows the service a state read lists', async () => {
    const c = start(['watch', '--url', sim.url, '--user', USER, '--duration', '3']);
    expect(await c.exited).toBe(0);
    const connected = lines(c.stdout).filter((l) => l.includes('connection=connected') && l.includes('snapshot=ok'));
    expect(connected.length).toBeGreaterThan(0);
    for (const l of connected) expect(l).toContain('services=SIPS Voice:Active');
    expect(c.stderr).toBe('');
    for (const r of snapshotRequests) expect(r).toEqual({ basic: false, cookie: true, csrf: true });
  });

  it('after a Bayeux restart it reads the state again and recovers a change published while it was away', async () => {
    const c = start(['watch', '--url', sim.url, '--user', USER, '--json', '--topics', 'services', '--duration', '30']);
    try {
      await c.waitFor((x) => serviceLines(x.stdout).length >= 1);
      const before = serviceLines(c.stdout).length;
      expect(serviceLines(c.stdout)[0]).toEqual(resyncOf(serviceChange('Active').service));
      // A new Bayeux server has no subscriber yet: this change reaches nobody live.
      sim.faults.restartBayeux();
      sim.publish('/notifications/services', serviceChange('Inactive'));
      await c.waitFor((x) =>
        serviceLines(x.stdout)
          .slice(before)
          .some((l) => isResync(l) && JSON.stringify(l.data.resources).includes('Inactive')),
      );
      const after = serviceLines(c.stdout).slice(before);
      // Every line after the restart comes from a read (nothing reached the client live) and says Inactive.
      for (const l of after) expect(l).toEqual(resyncOf(serviceChange('Inactive').service));
    } finally {
      c.child.kill('SIGTERM');
      await c.exited;
      sim.publish('/notifications/services', serviceChange('Active'));
    }
    expectNoSecret(c);
  });
});

describe('gws-rx demo', () => {
  it('shows the simulator services from the first connected line (published before it connected)', async () => {
    const c = start(['demo', '--port', '0', '--duration', '3']);
    expect(await c.exited).toBe(0);
    const connected = lines(c.stdout).filter((l) => l.includes('connection=connected'));
    expect(connected.length).toBeGreaterThan(0);
    expect(connected[0]).toContain('snapshot=ok');
    expect(connected[0]).toMatch(/services=SIPS Voice:Active/);
  });
});

describe('a failed snapshot request', () => {
  let sim: GwsSimulator;
  let stop: () => void;

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      users: { [USER]: PASSWORD },
      bayeux: { timeout: 1000 },
      routes: (req, res) => {
        if (req.url !== '/api/v2/me?subresources=*') return false;
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end('{"statusCode":500,"statusMessage":"broken on purpose"}');
        return true;
      },
    });
    stop = play(sim, (i) => generateShift({ seed: 3 + i, idPrefix: `f${i}-`, baseUrl: sim.url }), {
      speed: 10,
      loop: true,
    });
  });
  afterAll(async () => {
    stop?.();
    await sim?.close();
  });

  const warning = /^gws-rx: warning: state not read: .*500/;

  it('--json: one warning line on stderr, exit 0, live notifications keep coming', async () => {
    const c = start(['watch', '--url', sim.url, '--user', USER, '--json', '--duration', '3']);
    expect(await c.exited).toBe(0);
    expect(lines(c.stderr)).toEqual([expect.stringMatching(warning)]);
    const out = parsed(c.stdout);
    expect(out.length).toBeGreaterThan(0);
    expect(out.filter(isResync)).toEqual([]);
    expectNoSecret(c);
  });

  it('live view: the warning on stderr, snapshot=failed in the view, still connected and counting', async () => {
    const c = start(['watch', '--url', sim.url, '--user', USER, '--duration', '3', '--speed', '10']);
    expect(await c.exited).toBe(0);
    expect(lines(c.stderr)).toEqual([expect.stringMatching(warning)]);
    const failed = lines(c.stdout).filter((l) => l.includes('snapshot=failed'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((l) => l.includes('connection=connected'))).toBe(true);
    expectNoSecret(c);
  });
});
