// Runs the built `gws-rx` command (dist/cli.js, from `npm run build`) as a child process, the way users run it.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { either } from 'fp-ts';
import { decodeNotification } from '../../src/protocol/decode';
import { startSimulator, generateShift, play } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';
import { cli, run } from './runCli';
import type { Run } from './runCli';

jest.setTimeout(60_000);

const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
const closedPort = (): Promise<number> =>
  new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} missing: run \`npm run build\` first`);
});

describe('gws-rx --help', () => {
  it('exits 0 and documents every command and option', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const word of [
      'demo',
      'watch',
      '--url',
      '--user',
      '--topics',
      '--json',
      '--duration',
      '--speed',
      '--seed',
      '--port',
      '--help',
      'GWS_PASSWORD',
    ]) {
      expect(r.stdout).toContain(word);
    }
  });

  it('works after a command too (watch --help)', async () => {
    const r = await run(['watch', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--topics');
  });
});

describe('bad usage', () => {
  it.each([
    [['watch', '--bogus']],
    [['watch', '--duration', 'soon']],
    [['watch', '--topics', 'chats,nonsense']],
    [['launch']],
    [['watch', '--url', 'http://127.0.0.1:9']], // --url without --user
  ])('%j -> one line on stderr, nothing on stdout, non-zero exit', async (args) => {
    const r = await run(args);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^gws-rx: /);
  });
});

describe('gws-rx watch --json against the embedded simulator', () => {
  it('prints NDJSON lines that each decode with the project codecs, and exits by itself', async () => {
    const r = await run(['watch', '--json', '--duration', '3', '--speed', '10']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.length).toBeGreaterThan(0);
    const channels = new Set<string>();
    for (const line of out) {
      const parsed = JSON.parse(line) as { channel: string; data: { messageType?: unknown } };
      // State reads print as Resync lines (syncedTopic); everything else is a notification as received.
      if (parsed.data.messageType === 'Resync') {
        channels.add(parsed.channel);
        continue;
      }
      const decoded = decodeNotification(parsed);
      if (either.isLeft(decoded)) throw new Error(`line did not decode: ${line}\n${decoded.left.errors.join('\n')}`);
      channels.add(decoded.right.channel);
    }
    // A lively shift at speed 10 reaches several topics within 3 s.
    expect(channels.size).toBeGreaterThan(1);
    expect(r.stderr).toBe('');
  });

  it('--topics limits the output to the topics asked for', async () => {
    const r = await run(['watch', '--json', '--duration', '3', '--speed', '10', '--topics', 'chats']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { channel: string });
    expect(out.length).toBeGreaterThan(0);
    expect(new Set(out.map((m) => m.channel))).toEqual(new Set(['/v2/me/chats']));
  });

  it('without a terminal, the live view prints plain lines (no cursor control) and exits by itself', async () => {
    const r = await run(['watch', '--duration', '3', '--speed', '10']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).length).toBeGreaterThan(0);
    expect(r.stdout).not.toContain('\x1b[');
  });
});

describe('gws-rx demo', () => {
  it('serves the dashboard URL and exits by itself with --duration (not a terminal: plain lines)', async () => {
    const r = await run(['demo', '--port', '0', '--duration', '3', '--speed', '10']);
    expect(r.code).toBe(0);
    const url = /dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(r.stderr + r.stdout);
    expect(url).not.toBeNull();
    expect(r.stdout).not.toContain('\x1b[');
  });
});

describe('gws-rx watch --url (a real GWS login flow)', () => {
  const PASSWORD = 'Known-Secret-4815';
  const basic = Buffer.from(`agent9:${PASSWORD}`).toString('base64');
  let sim: GwsSimulator;
  let stop: () => void;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, users: { agent9: PASSWORD }, bayeux: { timeout: 1000 } });
    stop = play(sim, (i) => generateShift({ seed: 5 + i, idPrefix: `c${i}-`, baseUrl: sim.url }), {
      speed: 10,
      loop: true,
    });
  });
  afterAll(async () => {
    stop?.();
    await sim?.close();
  });

  const expectNoSecret = (r: Run): void => {
    for (const secret of [PASSWORD, basic]) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  };

  it('logs in with GWS_PASSWORD and streams decodable NDJSON, never printing the password', async () => {
    const r = await run(['watch', '--url', sim.url, '--user', 'agent9', '--json', '--duration', '3'], {
      GWS_PASSWORD: PASSWORD,
    });
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) {
      const parsed = JSON.parse(line) as { data: { messageType?: unknown } };
      if (parsed.data.messageType !== 'Resync') expect(either.isRight(decodeNotification(parsed))).toBe(true);
    }
    expectNoSecret(r);
  });

  it('accepts the notifications URL itself as --url', async () => {
    const r = await run(['watch', '--url', sim.notificationsUrl, '--user', 'agent9', '--json', '--duration', '2'], {
      GWS_PASSWORD: PASSWORD,
    });
    expect(r.code).toBe(0);
    expect(lines(r.stdout).length).toBeGreaterThan(0);
    expectNoSecret(r);
  });

  it('rejected credentials -> one-line error, non-zero exit, no secret in the output', async () => {
    const r = await run(['watch', '--url', sim.url, '--user', 'agent9', '--json', '--duration', '3'], {
      GWS_PASSWORD: `${PASSWORD}-wrong`,
    });
    expect(r.code).not.toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/401|reject/i);
    expect(r.stdout).toBe('');
    expectNoSecret(r);
    expect(r.stderr).not.toContain(`${PASSWORD}-wrong`);
  });

  it('no GWS_PASSWORD and no terminal to prompt on -> one-line error, non-zero exit', async () => {
    const r = await run(['watch', '--url', sim.url, '--user', 'agent9', '--json', '--duration', '2']);
    expect(r.code).not.toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/GWS_PASSWORD/);
  });

  it('an unreachable server -> one-line error naming it, non-zero exit, no secret', async () => {
    const port = await closedPort();
    const r = await run(
      ['watch', '--url', `http://127.0.0.1:${port}`, '--user', 'agent9', '--json', '--duration', '3'],
      {
        GWS_PASSWORD: PASSWORD,
      },
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`127.0.0.1:${port}`);
    expectNoSecret(r);
  });
});
