// gws-rx as its users get it: the tarball `npm pack` makes, installed into fresh projects with npm (peers from the
// npm cache that `npm ci` filled), then used the ways users use it: ESM and CJS in Node, TypeScript with node16
// (CommonJS and ESM) and bundler resolution, an esbuild browser bundle, the `gws-rx` command, and a browser app's
// install that has none of the optional peers. publint and @arethetypeswrong/cli check the same tarball.
import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type * as Esbuild from 'esbuild';

const root = resolve(__dirname, '../..');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const run = promisify(execFile);
const version = (name: string): string => `${name}@${rootPkg.devDependencies[name] ?? 'latest'}`;
const REQUIRED_PEERS = ['rxjs', 'io-ts', 'fp-ts', 'cometd'];
const OPTIONAL_PEERS = ['cometd-nodejs-client', 'cometd-nodejs-server'];
const tsc = join(root, 'node_modules/typescript/bin/tsc');

jest.setTimeout(300_000);

let work: string;
let tarball: string;
/** A project with gws-rx, its peers, the optional peers and @types/node: a Node app that also runs the simulator. */
let full: string;
/** A browser app's project: gws-rx and the four required peers only. */
let browser: string;

const write = (dir: string, files: Readonly<Record<string, string>>): void => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
};

const npmInstall = async (dir: string, specs: readonly string[]): Promise<void> => {
  write(dir, { 'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }) });
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...specs], {
    cwd: dir,
    env: { ...process.env, npm_config_loglevel: 'error' },
    maxBuffer: 16 * 1024 * 1024,
  });
};

const node = (cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string =>
  execFileSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
  });

/** Runs a command and gives its exit code and both outputs, whatever the code. */
const attempt = async (
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gws-rx-consumer-'));
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], {
    cwd: root,
    encoding: 'utf8',
  });
  tarball = join(work, packed.trim().split('\n').pop() ?? '');
  full = join(work, 'full');
  browser = join(work, 'browser');
  mkdirSync(full);
  mkdirSync(browser);
  await npmInstall(full, [tarball, ...[...REQUIRED_PEERS, ...OPTIONAL_PEERS, '@types/node'].map(version)]);
  await npmInstall(browser, [tarball, ...REQUIRED_PEERS.map(version)]);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds the license, the readme and dist only, and nothing a consumer cannot use', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json']));
    const unexpected = files.filter(
      (f) =>
        !['package/LICENSE', 'package/README.md', 'package/package.json'].includes(f) &&
        !/^package\/dist\/(?:[\w-]+\/)?[\w.-]+\.(?:js|cjs|d\.ts|d\.cts|map|html)$/.test(f),
    );
    expect(unexpected).toEqual([]);
    expect(readFileSync(join(full, 'node_modules/gws-rx/LICENSE'), 'utf8')).toMatch(/^MIT License/);
    // Source maps carry their sources (the .ts files are not shipped).
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const f of maps) {
      const map = JSON.parse(readFileSync(join(full, 'node_modules/gws-rx', f.slice('package/'.length)), 'utf8')) as {
        sources: string[];
        sourcesContent?: unknown[];
      };
      expect([f, map.sourcesContent?.length]).toEqual([f, map.sources.length]);
    }
  });

  test('publint finds nothing to report', async () => {
    const { stdout, stderr, code } = await attempt(
      process.execPath,
      [join(root, 'node_modules/publint/src/cli.js'), join(full, 'node_modules/gws-rx'), '--strict', '--pack', 'false'],
      root,
    );
    expect({ code, out: stdout + stderr }).toEqual({ code: 0, out: expect.stringContaining('All good!') });
  });

  test('@arethetypeswrong/cli finds no problem for node16 (CJS and ESM) and bundler', async () => {
    const { stdout, code } = await attempt(
      process.execPath,
      [
        join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
        tarball,
        '--profile',
        'node16',
        '--format',
        'json',
      ],
      root,
    );
    const report = JSON.parse(stdout) as {
      analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
      problems?: Record<string, unknown[]>;
    };
    // node10 (TypeScript's pre-exports `moduleResolution: node`) cannot see subpath exports; the README says so.
    const problems = Object.values(report.problems ?? {}).flat() as { kind: string; resolutionKind?: string }[];
    expect(problems.filter((p) => p.resolutionKind !== 'node10')).toEqual([]);
    expect(code).toBe(0);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './node', './package.json', './sim'].sort());
  });
});

describe('installing it', () => {
  test("a browser app's install pulls no server package and no Node client", () => {
    for (const pkg of OPTIONAL_PEERS)
      expect([pkg, existsSync(join(browser, 'node_modules', pkg))]).toEqual([pkg, false]);
    expect(existsSync(join(browser, 'node_modules/gws-rx/dist/index.js'))).toBe(true);
    const lock = JSON.parse(readFileSync(join(browser, 'package-lock.json'), 'utf8')) as { packages: object };
    expect(Object.keys(lock.packages).filter((p) => /cometd-nodejs|faye/.test(p))).toEqual([]);
  });
});

describe('in Node', () => {
  const message = JSON.stringify({
    channel: '/v2/me/chats',
    data: { messageType: 'MessageLogUpdated', notificationType: 'NewMessages', messages: [{ index: 1, type: 'Text' }] },
  });

  test('ESM import and CJS require of every entry give the same API', () => {
    const esm = node(full, [
      '--input-type=module',
      '-e',
      `import * as g from 'gws-rx'; import * as n from 'gws-rx/node'; import * as s from 'gws-rx/sim';
       console.log(JSON.stringify([g.decodeNotification(${message})._tag, typeof n.createGwsClient, typeof s.startSimulator, Object.keys(g).length]));`,
    ]);
    const cjs = node(full, [
      '-e',
      `const g = require('gws-rx'), n = require('gws-rx/node'), s = require('gws-rx/sim');
       console.log(JSON.stringify([g.decodeNotification(${message})._tag, typeof n.createGwsClient, typeof s.startSimulator, Object.keys(g).length]));`,
    ]);
    const [tag, client, sim, names] = JSON.parse(esm) as [string, string, string, number];
    expect([tag, client, sim]).toEqual(['Right', 'function', 'function']);
    expect(names).toBeGreaterThan(20);
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm));
  });

  test('the browser entry used in Node fails with one line that says to use gws-rx/node, and the topic does not error', () => {
    const out = node(browser, [
      '--input-type=module',
      '-e',
      `import { createGwsClient } from 'gws-rx';
       const client = createGwsClient({ url: 'http://127.0.0.1:9' });
       const seen = [];
       client.topic('/v2/me/chats').subscribe({ next: () => seen.push('next'), error: (e) => seen.push('error ' + e), complete: () => seen.push('complete') });
       client.connection$.subscribe((s) => seen.push(s.status + (s.reason ? ': ' + s.reason : '')));
       await new Promise((r) => setTimeout(r, 50));
       await client.close();
       console.log(JSON.stringify(seen));`,
    ]);
    const seen = JSON.parse(out) as string[];
    const failed = seen.find((s) => s.startsWith('failed'));
    expect(failed).toMatch(/gws-rx\/node/);
    expect(failed).not.toMatch(/\n/);
    expect(seen.some((s) => s.startsWith('error'))).toBe(false);
    expect(seen).toContain('complete');
  });

  test('gws-rx/sim without its optional peer says what to install', () => {
    const out = node(browser, [
      '--input-type=module',
      '-e',
      `try { const s = await import('gws-rx/sim'); await s.startSimulator({ port: 0 }); console.log('started'); }
       catch (e) { console.log(String(e.message ?? e).split('\\n')[0]); }`,
    ]);
    expect(out.trim()).toMatch(/cometd-nodejs-server/);
    expect(out.trim()).toMatch(/npm install/);
  });
});

describe('TypeScript', () => {
  const source = `import { decodeNotification, chatConversations, liveConversations, createGwsClient } from 'gws-rx';
import type { ChatConversationState, DecodeFailure } from 'gws-rx';
import { createGwsClient as createNodeClient, gwsLogin } from 'gws-rx/node';
import { startSimulator, generateShift } from 'gws-rx/sim';
import type { Observable } from 'rxjs';

const client = createGwsClient({ url: 'https://gws.example.com' });
const chats = client.topic('/v2/me/chats').pipe(chatConversations(), liveConversations());
const ids: Observable<ReadonlyMap<string, ChatConversationState>> = chats;
// @ts-expect-error: not a topic of GWS
client.topic('/v2/me/nothing');
const r = decodeNotification({});
const reason: DecodeFailure['reason'] | undefined = r._tag === 'Left' ? r.left.reason : undefined;
export const used = [ids, reason, createNodeClient, gwsLogin, startSimulator, generateShift({ seed: 1 }).length];
`;
  const configs: Record<string, { pkgType: 'module' | 'commonjs'; compilerOptions: Record<string, unknown> }> = {
    'node16 from CommonJS': { pkgType: 'commonjs', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
    'node16 from ESM': { pkgType: 'module', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
    bundler: { pkgType: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
  };

  test.each(Object.keys(configs))('type checks with %s resolution, library types included', async (name) => {
    const { pkgType, compilerOptions } = configs[name] ?? configs.bundler!;
    const dir = join(full, `ts-${name.replace(/\W+/g, '-')}`);
    write(dir, {
      'package.json': JSON.stringify({ type: pkgType }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          ...compilerOptions,
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(full, 'node_modules/@types')],
        },
        files: ['main.ts'],
      }),
      'main.ts': source,
    });
    const { code, stdout, stderr } = await attempt(process.execPath, [tsc, '-p', dir], dir);
    expect({ code, out: (stdout + stderr).trim() }).toEqual({ code: 0, out: '' });
  });
});

describe('an esbuild browser bundle', () => {
  // bench/apps: a browser app written by hand on the peers, and the same app with gws-rx added for the same job
  // (client, decoding, chatConversations, the live Map). What gws-rx adds to the bundle is the difference.
  const bundle = async (name: string) => {
    const esbuild = (await import(join(root, 'node_modules/esbuild/lib/main.js'))) as typeof Esbuild;
    write(browser, { [name]: readFileSync(join(root, 'bench/apps', name), 'utf8') });
    const out = await esbuild.build({
      entryPoints: [join(browser, name)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const text = out.outputFiles[0]?.text ?? '';
    return { gzip: gzipSync(text, { level: 9 }).byteLength, inputs: Object.keys(out.metafile.inputs) };
  };

  test('adding gws-rx grows it by at most 12 KiB min+gz, with no CommonJS copy of io-ts or fp-ts and no Node code', async () => {
    write(browser, { 'hand-written.js': readFileSync(join(root, 'bench/apps/hand-written.js'), 'utf8') });
    const base = await bundle('hand-written.js');
    const app = await bundle('with-gws-rx.js');
    expect(app.inputs.filter((i) => /node_modules\/(io-ts|fp-ts)\/lib\//.test(i))).toEqual([]);
    expect(app.inputs.filter((i) => /cometd-nodejs|node_modules\/gws-rx\/dist\/(node|sim|cli)/.test(i))).toEqual([]);
    expect(app.inputs.some((i) => i.includes('node_modules/gws-rx/dist/'))).toBe(true);
    const growth = app.gzip - base.gzip;
    expect(growth).toBeGreaterThan(4 * 1024); // gws-rx really is in the second bundle
    expect(growth).toBeLessThanOrEqual(12 * 1024);
  });
});

describe('the gws-rx command, installed', () => {
  const bin = () => join(full, 'node_modules/.bin/gws-rx');

  test('--help works, even in a project without the optional peers', async () => {
    for (const dir of [full, browser]) {
      const { code, stdout } = await attempt(join(dir, 'node_modules/.bin/gws-rx'), ['--help'], dir);
      expect([dir, code]).toEqual([dir, 0]);
      expect(stdout).toMatch(/^Usage:/m);
    }
  });

  test('without the optional peers, demo says in one line what to install', async () => {
    const { code, stderr } = await attempt(join(browser, 'node_modules/.bin/gws-rx'), ['demo', '--port', '0'], browser);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/npm install cometd-nodejs-client cometd-nodejs-server$/m);
  });

  test('watch --json prints decoded notifications from the embedded simulator', async () => {
    const { code, stdout } = await attempt(bin(), ['watch', '--json', '--duration', '4', '--speed', '20'], full);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { channel?: string });
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.channel === '/v2/me/chats')).toBe(true);
  });

  test('watch --url logs in to a GWS (the simulator of gws-rx/sim) and prints its notifications', async () => {
    const server = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { startSimulator, generateShift, play } from 'gws-rx/sim';
         const sim = await startSimulator({ port: 0 });
         play(sim, generateShift({ seed: 5, baseUrl: sim.url }), { speed: 20, loop: true });
         console.log(JSON.stringify({ url: sim.url, ...sim.user }));`,
      ],
      { cwd: full, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const first = await firstLine(server);
      const { url, username, password } = JSON.parse(first) as { url: string; username: string; password: string };
      const { code, stdout, stderr } = await attempt(
        bin(),
        ['watch', '--url', url, '--user', username, '--json', '--topics', 'chats,devices', '--duration', '4'],
        full,
        { GWS_PASSWORD: password },
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const channels = new Set(
        stdout
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { channel?: string }).channel),
      );
      expect(channels.has('/v2/me/chats')).toBe(true);
      expect(stdout).not.toContain(password);
    } finally {
      server.kill();
    }
  });

  test('demo serves its dashboard page and bundle', async () => {
    const demo = spawn(bin(), ['demo', '--port', '0'], { cwd: full, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await firstLine(demo, 'stderr');
      const url = /dashboard: (http:\/\/[^/\s]+)\//.exec(line)?.[1];
      expect(url).toBeDefined();
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1] ?? '';
      const app = await fetch(`${url}${script}`);
      expect([script, app.status, app.headers.get('content-type')]).toEqual([
        script,
        200,
        expect.stringMatching(/javascript/),
      ]);
      expect((await app.text()).length).toBeGreaterThan(10_000);
    } finally {
      demo.kill('SIGINT');
    }
  });

  test('the installed bin runs the package entries, not a copy of them', () => {
    const dist = join(full, 'node_modules/gws-rx/dist');
    const cli = readFileSync(join(dist, 'cli.js'), 'utf8');
    expect(cli).toMatch(/import\('\.\/node\.js'\)/);
    expect(cli).toMatch(/import\('\.\/sim\.js'\)/);
    // No codec or operator is defined in cli.js itself: they come from the shared chunks.
    expect(cli).not.toMatch(/function chatConversations\b/);
    expect(readdirSync(join(dist, 'dashboard')).sort()).toEqual(['app.js', 'index.html']);
  });
});

/** The first line a child writes on stdout (or stderr). */
function firstLine(child: ChildProcess, stream: 'stdout' | 'stderr' = 'stdout'): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    const out = child[stream];
    if (!out) return fail(new Error(`no ${stream}`));
    out.setEncoding('utf8');
    out.on('data', (d: string) => {
      text += d;
      const nl = text.indexOf('\n');
      if (nl >= 0) done(text.slice(0, nl));
    });
    child.on('exit', (code) => fail(new Error(`exited with ${code} before a line: ${text}`)));
  });
}
