// The `gws-rx` command: `demo` (what `npm start` runs) and `watch`.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { GwsSimulator } from '../sim/index';
import { isTopicName, topicNames } from '../protocol/topics';
import type { TopicName } from '../protocol/topics';
import { dashboardRoutes } from './dashboard';
import { viewModel$, viewTopics } from './view';
import { describeConnection, renderView, summarizeView } from './render';
import { liveFrame } from './frame';
import { OP_HELP, OpUsageError, parseOpArgs, runOpCommand } from './op';
import { syncedTopic } from '../client/syncedTopic';
import type { SyncState } from '../client/recovery';

/** The short name of each topic (its channel's last segment), from the registry of media kinds, wrapped for --help. */
const shortNames = (): string =>
  topicNames
    .map((t) => t.slice(t.lastIndexOf('/') + 1))
    .join(',')
    .replace(/(.{1,60})(,|$)/g, (_, part: string, comma: string) => `${part}${comma}\n                  `)
    .trimEnd();

const HELP = `gws-rx — Genesys Web Services (GWS) v2 notifications as live RxJS state

Usage:
  gws-rx demo  [--port N] [--speed X] [--seed N] [--duration S] [--supervisor]
  gws-rx watch [--url URL] [--user U] [--topics LIST] [--json] [--duration S] [--speed X] [--seed N]
  gws-rx op    <agent|call|chat|im|email|workitem> [<id>] <operationName> [options]   (gws-rx op --help)
  gws-rx --help

Commands:
  demo    Start the embedded GWS simulator (a seeded contact-center shift), serve the browser dashboard,
          and show the live terminal view of gws-rx's per-conversation state.
  watch   Watch a GWS server (the embedded simulator when --url is absent): the live view, or NDJSON.
  op      Run one operation (e.g. op agent NotReady, op chat SendMessage --text hi) and print its outcome.

Both read the current state (GET /api/v2/me?subresources=*) once subscribed and again after every new session,
with the same session, and merge it in (syncedTopic); a failed read is one warning line, and watching goes on.

Options:
  --url URL       GWS base URL (http://host:port) or its CometD endpoint (…/api/v2/notifications).
                  Logs in like a GWS client: Basic auth on GET /api/v2/me, then JSESSIONID + CSRF header.
  --user U        GWS user name (with --url). The password comes from GWS_PASSWORD or a hidden prompt.
  --topics LIST   Comma-separated topics: short names (${shortNames()}) or full channels. Default: all.
  --json          Print one decoded notification per line (NDJSON) on stdout; decode failures on stderr.
                  Each state read prints as a line whose data is a Resync (resources, removed ids, messages).
  --duration S    Exit by itself after S seconds (default: run until Ctrl-C).
  --speed X       Simulator playback speed factor (default 1).
  --seed N        Simulator scenario seed (default 1).
  --port N        Simulator port on 127.0.0.1 (demo; default 8090, 0 = any free port).
  --supervisor    demo: a supervisor's load instead of a shift: 10,000 live chats and calls on 500
                  agents, 2,000 notifications/s (times --speed); the dashboard opens in supervisor mode.
  -h, --help      Show this help.
`;

class UsageError extends Error {}

/** The optional peers of gws-rx: the Node client, and the Bayeux server behind the embedded simulator. */
const CLIENT_PEERS = ['cometd-nodejs-client'] as const;
const SIM_PEERS = ['cometd-nodejs-client', 'cometd-nodejs-server'] as const;

/**
 * Loads one of gws-rx's Node-only entries. They import optional peer dependencies, so they are loaded only once the
 * arguments asked for them (`--help` needs neither), and a missing peer becomes one line naming every optional peer
 * the command needs, so one `npm install` is enough.
 */
async function loadEntry<T>(load: () => Promise<T>, needs: readonly string[]): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
    if (errorCode(e) === 'ERR_MODULE_NOT_FOUND' || missing !== undefined) {
      throw new UsageError(
        `this command needs ${needs.join(' and ')}, optional peer dependencies of gws-rx` +
          `${missing === undefined ? '' : ` (${missing} is missing)`}: npm install ${needs.join(' ')}`,
      );
    }
    throw e;
  }
}

const loadNode = (needs: readonly string[] = CLIENT_PEERS) => loadEntry(() => import('../node'), needs);
const loadSim = () => loadEntry(() => import('../sim/index'), SIM_PEERS);

/** The `code` of a Node error (`EADDRINUSE`, `ERR_PARSE_ARGS_…`), or `''`. */
const errorCode = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '');

const fail = (message: string, code = 1): never => {
  process.stderr.write(`gws-rx: ${message.split('\n')[0]}\n`);
  process.exit(code);
};

const number = (name: string, v: string | undefined, fallback: number, min: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min)
    throw new UsageError(`--${name} must be a number >= ${min} (got ${JSON.stringify(v)})`);
  return n;
};

const topicsFrom = (list: string | undefined): TopicName[] => {
  if (list === undefined) return [...topicNames];
  return list.split(',').map((raw) => {
    const s = raw.trim();
    const full = s.startsWith('/') ? s : s === 'services' ? '/notifications/services' : `/v2/me/${s}`;
    if (!isTopicName(full))
      throw new UsageError(`unknown topic ${JSON.stringify(s)} (known: ${topicNames.join(', ')})`);
    return full;
  });
};

/** Reads a password without echoing it. */
const promptHidden = (question: string): Promise<string> =>
  new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) return reject(new UsageError('no password: set GWS_PASSWORD (stdin is not a terminal)'));
    let muted = false;
    const output = new Writable({
      write(chunk: Buffer, _enc, cb) {
        if (!muted) process.stderr.write(chunk);
        cb();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });

interface Target {
  readonly url: string;
  readonly login: () => Promise<Readonly<Record<string, string>>>;
  readonly sim: GwsSimulator | undefined;
  readonly stopScenario: () => void;
}

async function embedded(
  port: number,
  speed: number,
  seed: number,
  withDashboard: boolean,
  supervisor = false,
): Promise<Target> {
  const { gwsLogin } = await loadNode(SIM_PEERS);
  const { startSimulator, generateShift, play, playSupervisor } = await loadSim();
  // Built beside this file: dist/dashboard (the CLI runs from dist/cli.js, in the repository and once installed).
  const dashboardDir = fileURLToPath(new URL('./dashboard/', import.meta.url));
  const sim = await startSimulator({ port, routes: withDashboard ? dashboardRoutes(dashboardDir) : undefined });
  const shift = (i: number) => generateShift({ seed: seed + i, idPrefix: i === 0 ? '' : `r${i}-`, baseUrl: sim.url });
  // The shift is already running when the view opens: it starts where its first chat does (the state before that is
  // in the simulator, so the first snapshot shows it), instead of a quiet first few seconds.
  const firstChat = shift(0).find((m) => m.channel === '/v2/me/chats')?.at ?? 0;
  const stopScenario = supervisor
    ? playSupervisor(sim, { seed, rate: 2000 * speed, baseUrl: sim.url })
    : play(sim, shift, { speed, loop: true, from: firstChat });
  const login = async () => (await gwsLogin({ baseUrl: sim.url, ...sim.user })).headers;
  return { url: sim.url, login, sim, stopScenario };
}

async function remote(url: string, user: string | undefined): Promise<Target> {
  if (user === undefined) throw new UsageError('--user is required with --url');
  const { gwsLogin } = await loadNode();
  const base = url.replace(/\/api\/v2\/notifications\/?$/, '');
  const password = process.env.GWS_PASSWORD ?? (await promptHidden(`Password for ${user}: `));
  const login = async () => (await gwsLogin({ baseUrl: base, username: user, password })).headers;
  await login(); // fail fast with one line when the server is unreachable or rejects the credentials
  return { url: base, login, sim: undefined, stopScenario: () => undefined };
}

async function run(argv: readonly string[]): Promise<void> {
  const command = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  if (command === 'op') return op(argv.slice(1));
  const { values } = parseArgs({
    args: command === undefined ? [...argv] : argv.slice(1),
    options: {
      url: { type: 'string' },
      user: { type: 'string' },
      topics: { type: 'string' },
      json: { type: 'boolean' },
      duration: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      supervisor: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help || command === undefined) {
    process.stdout.write(HELP);
    if (command === undefined && !values.help) process.exitCode = 2;
    return;
  }
  if (command !== 'demo' && command !== 'watch')
    throw new UsageError(`unknown command ${JSON.stringify(command)} (try --help)`);
  if (command === 'demo' && (values.url !== undefined || values.json))
    throw new UsageError('demo takes no --url or --json: use watch');
  if (command !== 'demo' && values.supervisor) throw new UsageError('--supervisor is an option of demo');

  const speed = number('speed', values.speed, 1, 0.01);
  const seed = number('seed', values.seed, 1, 0);
  const duration = number('duration', values.duration, 0, 0);
  const topics = topicsFrom(values.topics);
  const port = number('port', values.port, command === 'demo' ? 8090 : 0, 0);

  const { createGwsClient, GwsHttpError } = await loadNode(values.url === undefined ? SIM_PEERS : CLIENT_PEERS);
  let target: Target;
  try {
    target =
      values.url !== undefined
        ? await remote(values.url, values.user)
        : await embedded(port, speed, seed, command === 'demo', values.supervisor === true);
  } catch (e) {
    if (e instanceof GwsHttpError || e instanceof UsageError) throw e;
    const code = errorCode(e);
    throw new Error(
      code === 'EADDRINUSE'
        ? `port ${port} is in use: pass --port 0 or another port`
        : e instanceof Error
          ? e.message
          : String(e),
      { cause: e },
    );
  }

  // The client reads the state itself (its recovery), with the headers of its latest login.
  const client = createGwsClient({
    url: target.url,
    headerProvider: () => target.login(),
    backoffIncrement: 500,
    maxBackoff: 5000,
  });
  // One warning line when reading the state starts failing (not one per retry; again only after a read succeeded).
  const readFailures = (write: (line: string) => void) => {
    let warned = false;
    return (s: SyncState): void => {
      if (s.status === 'synced') warned = false;
      else if (s.status === 'failed' && !warned) {
        warned = true;
        write(`gws-rx: warning: state not read: ${s.reason}\n`);
      }
    };
  };
  const tty = process.stdout.isTTY === true && !values.json;
  // The live view redraws one frame in place (alternate screen); whatever ends the program puts the terminal back.
  const frame = tty ? liveFrame(process.stdout) : undefined;
  process.on('exit', () => frame?.close());
  let stopping = false;
  const subscriptions: { unsubscribe(): void }[] = [];
  const stop = async (code = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const s of subscriptions) s.unsubscribe();
    target.stopScenario();
    await client.close();
    await target.sim?.close();
    frame?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  if (duration > 0) setTimeout(() => void stop(0), duration * 1000).unref();

  subscriptions.push(
    client.connection$.subscribe((s) => {
      if (s.status === 'failed') {
        frame?.close(); // leave the alternate screen first, so the line stays visible
        process.stderr.write(`gws-rx: ${describeConnection(s)}\n`);
        void stop(1);
      }
    }),
  );

  if (values.json) {
    // State reads print as Resync lines (data.messageType "Resync"); a failing read is one line on stderr.
    if (client.sync$) subscriptions.push(client.sync$.subscribe(readFailures((l) => process.stderr.write(l))));
    for (const t of topics) {
      subscriptions.push(
        syncedTopic(client, t).subscribe((data) => process.stdout.write(`${JSON.stringify({ channel: t, data })}\n`)),
      );
    }
    subscriptions.push(
      client.decodeFailures$.subscribe((f) =>
        process.stderr.write(
          `${JSON.stringify({ decodeFailure: f.reason, channel: f.channel, messageType: f.messageType, errors: f.errors, raw: f.raw })}\n`,
        ),
      ),
    );
    return;
  }

  const dashboardUrl = `${target.url}/${values.supervisor ? '?supervisor' : ''}`;
  if (command === 'demo') {
    process.stderr.write(`gws-rx demo: simulator at ${target.url}  ·  dashboard: ${dashboardUrl}  ·  Ctrl-C to exit\n`);
  }
  const shown = new Set<string>(topics.filter((t) => viewTopics.includes(t)));
  let lastSummary = 0;
  // A terminal shows a failing read in the view; plain output also gets one line on stderr.
  if (!tty && client.sync$) subscriptions.push(client.sync$.subscribe(readFailures((l) => process.stderr.write(l))));
  subscriptions.push(
    viewModel$(client, shown, tty ? 100 : 1000).subscribe((view) => {
      if (frame) {
        const header = command === 'demo' ? [`dashboard: ${dashboardUrl}   ·   Ctrl-C to exit`] : [];
        // One column spare: some terminals let the erase after a line that fills the width eat its last character.
        frame.draw([...header, ...renderView(view, (process.stdout.columns ?? 100) - 1, true)]);
      } else if (Date.now() - lastSummary >= 1000) {
        lastSummary = Date.now();
        process.stdout.write(`${summarizeView(view)}\n`);
      }
    }),
  );
}

/** `gws-rx op`: one operation and its outcome (src/cli/op.ts); the exit code says whether it was confirmed. */
async function op(args: readonly string[]): Promise<void> {
  let cmd: ReturnType<typeof parseOpArgs>;
  try {
    cmd = parseOpArgs(args);
  } catch (e) {
    throw e instanceof OpUsageError ? new UsageError(e.message) : e;
  }
  if (cmd === 'help') return void process.stdout.write(OP_HELP);
  const code = await runOpCommand(cmd, {
    loadNode: () => loadNode(cmd.url === undefined ? SIM_PEERS : CLIENT_PEERS),
    loadSim,
    password: async (user) => process.env.GWS_PASSWORD ?? (await promptHidden(`Password for ${user}: `)),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`gws-rx: ${line}\n`),
  }).catch((e: unknown) => {
    throw e instanceof OpUsageError ? new UsageError(e.message) : e;
  });
  process.exit(code);
}

// A closed pipe (e.g. `gws-rx watch --json | head`) ends the program quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

run(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError) fail(e.message, 2);
  const code = errorCode(e);
  if (code.startsWith('ERR_PARSE_ARGS')) fail(`${e instanceof Error ? e.message : String(e)} (try --help)`, 2);
  fail(e instanceof Error ? e.message : String(e), 1);
});
