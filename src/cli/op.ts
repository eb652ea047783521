// `gws-rx op`: runs one operation from the terminal with gws-rx's operations and prints its outcome (accepted, then
// confirmed by its notification, or the error). Against the embedded simulator unless --url names a server.
import { parseArgs } from 'node:util';
import type { Observable } from 'rxjs';
import type { GwsSimulator } from '../sim/index';
import type { TimedMessage } from '../sim/scenario';
import type { Resource, SnapshotList } from '../sim/state';
import type { HeaderMap } from '../client/options';
import type * as NodeEntry from '../node';
import type * as SimEntry from '../sim/index';

/** The families `gws-rx op` knows, by the name given on the command line. */
export const opFamilies = {
  agent: { list: 'devices', channel: '/v2/me/devices', needsId: false },
  call: { list: 'calls', channel: '/v2/me/calls', needsId: true },
  chat: { list: 'chats', channel: '/v2/me/chats', needsId: true },
  im: { list: 'imSessions', channel: '/v2/me/im-sessions', needsId: true },
  email: { list: 'emails', channel: '/v2/me/emails', needsId: true },
  workitem: { list: 'workitems', channel: '/v2/me/workitems', needsId: true },
} as const satisfies Record<string, { list: SnapshotList; channel: string; needsId: boolean }>;

/** A family name of {@link opFamilies}. */
export type OpFamily = keyof typeof opFamilies;

/** A command line of `gws-rx op`, parsed. */
export interface OpCommand {
  readonly family: OpFamily;
  /** The resource id; undefined for agent state, or to let the embedded simulator pick a resource. */
  readonly id: string | undefined;
  /** The request body: `operationName` and the parameters given. */
  readonly request: Readonly<Record<string, unknown>>;
  readonly url: string | undefined;
  readonly user: string | undefined;
  readonly timeoutMs: number;
  readonly seed: number;
}

/** A command line `gws-rx op` cannot run; the message says why. */
export class OpUsageError extends Error {}

/** `--help` of `gws-rx op`. */
export const OP_HELP = `Usage:
  gws-rx op agent <Ready|NotReady|AfterCallWork|AuxWork> [--reason CODE] [--work-mode MODE]
  gws-rx op call  [<id>] <Answer|Hold|Retrieve|Hangup|AttachUserData|UpdateUserData> [--data JSON]
  gws-rx op chat  [<id>] <Accept|SendMessage|SendUrl|SendCustomNotice|Complete|Leave|…> [--text T] [--link URL]
  gws-rx op chat  [<id>] Transfer (--queue NAME | --target URI) [--text T [--message-type M] [--treat-as Normal|System]]
  gws-rx op im    [<id>] <Accept|SendMessage|Complete> [--text T]
  gws-rx op email [<id>] <Accept|Reply|Send|Complete>
  gws-rx op workitem [<id>] <Accept|Complete>
  (common: [--url URL --user U] [--timeout S] [--seed N])

Runs one operation and prints its outcome: "accepted" when the server took it, then "confirmed" with the
notification that shows it, or the reason it failed (exit code 1). Without --url it runs against the embedded
simulator, with its scenario stopped at a moment where such a resource exists; without an id it picks the first
resource whose capabilities allow the operation. Operations are never retried.
Transfer: --target is an agent's user URL (<base>/api/v2/users/<userId>); the embedded simulator knows the queues
test-queue and chat-queue, and its users (user-<name>) other than the agent.
`;

const parameterFlags: Readonly<Record<string, string>> = {
  text: 'text',
  link: 'url',
  notice: 'noticeText',
  reason: 'reasonCode',
  'work-mode': 'workMode',
  queue: 'queueName',
  target: 'targetUri',
  'message-type': 'messageType',
  'treat-as': 'treatAs',
};

const isFamily = (s: string): s is OpFamily => Object.hasOwn(opFamilies, s);

/** Parses the arguments after `op`. Throws {@link OpUsageError} for a command line it cannot run. */
export function parseOpArgs(args: readonly string[]): OpCommand | 'help' {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      text: { type: 'string' },
      link: { type: 'string' },
      notice: { type: 'string' },
      reason: { type: 'string' },
      'work-mode': { type: 'string' },
      queue: { type: 'string' },
      target: { type: 'string' },
      'message-type': { type: 'string' },
      'treat-as': { type: 'string' },
      data: { type: 'string' },
      url: { type: 'string' },
      user: { type: 'string' },
      timeout: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  const [family, ...rest] = positionals;
  if (family === undefined || !isFamily(family))
    throw new OpUsageError(
      `op needs a family: ${Object.keys(opFamilies).join(', ')}${family === undefined ? '' : ` (got ${JSON.stringify(family)})`}`,
    );
  const { needsId } = opFamilies[family];
  if (rest.length === 0 || rest.length > (needsId ? 2 : 1))
    throw new OpUsageError(`usage: gws-rx op ${family} ${needsId ? '[<id>] ' : ''}<operationName> [options]`);
  const operationName = rest[rest.length - 1] ?? '';
  const id = rest.length === 2 ? rest[0] : undefined;
  const request: Record<string, unknown> = { operationName };
  for (const [flag, field] of Object.entries(parameterFlags)) {
    const v = values[flag as keyof typeof values];
    if (typeof v === 'string') request[field] = v;
  }
  if (values.data !== undefined) {
    let userData: unknown;
    try {
      userData = JSON.parse(values.data);
    } catch {
      throw new OpUsageError('--data must be a JSON object, e.g. --data \'{"CaseId":"C-42"}\'');
    }
    if (typeof userData !== 'object' || userData === null || Array.isArray(userData))
      throw new OpUsageError('--data must be a JSON object, e.g. --data \'{"CaseId":"C-42"}\'');
    request.userData = userData;
  }
  const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!(timeout > 0)) throw new OpUsageError(`--timeout must be a number of seconds > 0 (got ${values.timeout ?? ''})`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new OpUsageError(`--seed must be an integer >= 0`);
  if (values.user !== undefined && values.url === undefined) throw new OpUsageError('--user needs --url');
  return {
    family,
    id,
    request,
    url: values.url,
    user: values.user,
    timeoutMs: Math.round(timeout * 1000),
    seed,
  };
}

/** Whether a resource lists `capability` (one without `capabilities` is taken to allow everything). */
const allows = (r: Resource, capability: string): boolean =>
  !Array.isArray(r.capabilities) || (r.capabilities as readonly unknown[]).includes(capability);

const resourcesIn = (m: TimedMessage): readonly Resource[] => {
  const found: Resource[] = [];
  for (const v of Object.values(m.data)) {
    for (const r of Array.isArray(v) ? (v as readonly unknown[]) : [v])
      if (typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string')
        found.push(r as Resource);
  }
  return found;
};

/**
 * The moment of a scenario (ms) at which a resource of the family exists in a state that allows the operation: the
 * time of the first message that shows one (the first message of the family's channel when none allows it).
 */
export const momentFor = (shift: readonly TimedMessage[], family: OpFamily, operationName: string): number => {
  const { channel } = opFamilies[family];
  const ofFamily = shift.filter((m) => m.channel === channel && resourcesIn(m).length > 0);
  const fit = ofFamily.find((m) => family === 'agent' || resourcesIn(m).some((r) => allows(r, operationName)));
  return (fit ?? ofFamily[0])?.at ?? 0;
};

/** The resource an operation without an id acts on: the first live one of the family that allows it, else the first. */
export const pickResource = (resources: readonly Resource[], operationName: string): Resource | undefined =>
  resources.find((r) => allows(r, operationName)) ?? resources[0];

/** What {@link runOpCommand} needs from the rest of the command (loaded lazily: they import optional peers). */
export interface OpDeps {
  readonly loadNode: () => Promise<typeof NodeEntry>;
  readonly loadSim: () => Promise<typeof SimEntry>;
  /** The password of `user` on a real server (GWS_PASSWORD or a hidden prompt). */
  readonly password: (user: string) => Promise<string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A one-line summary of the notification that confirmed an operation. */
export const describeNotification = (n: unknown): string => {
  const d = typeof n === 'object' && n !== null ? (n as Record<string, unknown>) : {};
  const parts = [String(d.messageType ?? '?')];
  if (typeof d.notificationType === 'string') parts.push(d.notificationType);
  for (const key of ['call', 'chat', 'imSession', 'email', 'workitem']) {
    const r = d[key];
    if (typeof r === 'object' && r !== null) {
      const { id, state } = r as { id?: unknown; state?: unknown };
      parts.push(`${key} ${String(id)}${typeof state === 'string' ? ` ${state.trim()}` : ''}`);
    }
  }
  const device = Array.isArray(d.devices) ? (d.devices[0] as Record<string, unknown> | undefined) : undefined;
  const userState = device?.userState as Record<string, unknown> | undefined;
  if (userState)
    parts.push(
      `device ${String(device?.id)} ${String(userState.state)}${typeof userState.workMode === 'string' ? ` (${userState.workMode})` : ''}`,
    );
  const entry = Array.isArray(d.messages) ? (d.messages.at(-1) as Record<string, unknown> | undefined) : undefined;
  if (entry)
    parts.push(
      `entry ${String(entry.index)} ${String(entry.type)}${typeof entry.text === 'string' ? ` ${JSON.stringify(entry.text)}` : ''}`,
    );
  if (typeof d.message === 'string') parts.push(JSON.stringify(d.message));
  return parts.join(' · ');
};

/**
 * Runs `gws-rx op`: connects (the embedded simulator, or --url), runs the operation, prints `accepted` and
 * `confirmed` (stdout), or the error (stderr). Resolves the exit code: 0 confirmed, 1 failed.
 */
export async function runOpCommand(cmd: OpCommand, deps: OpDeps): Promise<number> {
  const node = await deps.loadNode();
  let sim: GwsSimulator | undefined;
  let baseUrl: string;
  let headers: HeaderMap;
  let id = cmd.id;
  const operationName = String(cmd.request.operationName);
  try {
    if (cmd.url === undefined) {
      const { startSimulator, generateShift, play } = await deps.loadSim();
      sim = await startSimulator();
      const shift = generateShift({ seed: cmd.seed, baseUrl: sim.url });
      // The scenario up to a moment where the family has a resource allowing the operation, then frozen there.
      play(sim, shift, { from: momentFor(shift, cmd.family, operationName) })();
      baseUrl = sim.url;
      headers = (await node.gwsLogin({ baseUrl, ...sim.user })).headers;
      if (id === undefined && cmd.family !== 'agent') {
        const picked = pickResource(sim.snapshot()[opFamilies[cmd.family].list], operationName);
        if (picked === undefined) throw new OpUsageError(`the simulator has no live ${cmd.family}: pass an id`);
        id = picked.id;
      }
    } else {
      if (cmd.user === undefined) throw new OpUsageError('--url needs --user');
      if (id === undefined && cmd.family !== 'agent') throw new OpUsageError(`op ${cmd.family} needs an id with --url`);
      baseUrl = cmd.url.replace(/\/api\/v2\/notifications\/?$/, '').replace(/\/+$/, '');
      const password = await deps.password(cmd.user);
      headers = (await node.gwsLogin({ baseUrl, username: cmd.user, password })).headers;
    }
    const client = node.createGwsClient({ url: baseUrl, headers, recovery: false });
    try {
      const options = { timeoutMs: cmd.timeoutMs };
      // The request is checked by the operation itself (its codec): a bad one fails, unsent, with the reason.
      const request = cmd.request as never;
      const target = id ?? '';
      const op$: Observable<{ status: string; referenceId?: number | undefined; notification?: unknown }> =
        cmd.family === 'agent'
          ? node.agentStateOperation(client, request, options)
          : cmd.family === 'call'
            ? node.callOperation(client, target, request, options)
            : cmd.family === 'chat'
              ? node.chatOperation(client, target, request, options)
              : cmd.family === 'im'
                ? node.imSessionOperation(client, target, request, options)
                : cmd.family === 'email'
                  ? node.emailOperation(client, target, request, options)
                  : node.workitemOperation(client, target, request, options);
      deps.out(`${operationName} on ${cmd.family}${id === undefined ? '' : ` ${id}`}`);
      return await new Promise<number>((resolve) => {
        op$.subscribe({
          next: (e) =>
            deps.out(
              e.status === 'accepted'
                ? `accepted${e.referenceId === undefined ? '' : ` (referenceId ${e.referenceId})`}`
                : `confirmed: ${describeNotification(e.notification)}`,
            ),
          error: (e: unknown) => {
            // A GwsOperationError says which operation failed and why (its message starts with `gws-rx:` already).
            const message = e instanceof Error ? e.message : String(e);
            deps.err(message.startsWith('gws-rx: ') ? message.slice('gws-rx: '.length) : `failed: ${message}`);
            resolve(1);
          },
          complete: () => resolve(0),
        });
      });
    } finally {
      await client.close();
    }
  } finally {
    await sim?.close();
  }
}
