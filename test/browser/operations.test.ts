// Every operation of every family (src/operations) round-trips in Debian's Chromium, run from inside a page through
// gws-rx's browser entry as a user's app runs it: the simulator serves a tiny app (test/browser/operations-app, bundled
// here by esbuild with `gws-rx` resolved to dist/index.js and the peers bundled in) whose `run(family, target,
// request)` subscribes the operation. For each one the test publishes the resource the operation needs in the
// simulator, runs it in the page, expects it accepted then confirmed, and reads the simulator's truth: its state
// (snapshot, chat transcript) and its log of the operations it performed. Plus a rejected one (fault switch) and one
// outside the resource's capabilities (fails in the page, no request).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type * as Esbuild from 'esbuild';
import type { GwsSimulator, Resource } from '../../src/sim/index';
import { chatCapabilities } from '../../src/sim/ops/capabilities';
import { launchChromium, startPageSimulator } from './chromium';

const root = resolve(__dirname, '../..');
const appDir = join(__dirname, 'operations-app');

jest.setTimeout(90_000);

type Family = 'agent' | 'call' | 'chat' | 'imSession' | 'email' | 'workitem';
type Target = string | { readonly id: string; readonly capabilities: readonly string[] } | null;
interface Outcome {
  readonly events?: readonly { readonly status: string; readonly operation: string; readonly resourceId: string }[];
  readonly error?: {
    readonly kind: string;
    readonly operation: string;
    readonly resourceId: string;
    readonly cause: Record<string, unknown>;
    readonly message: string;
  };
}

let sim: GwsSimulator;
let browser: Browser;
let page: Page;
let servedDir: string;
const pageErrors: string[] = [];
const simLog: string[] = [];
/** The operation requests the page sent (`POST …/api/v2/me/…`). */
const posts: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/index.js missing: run `npm run build` first');
  servedDir = mkdtempSync(join(tmpdir(), 'gws-rx-operations-app-'));
  const esbuild = (await import(join(root, 'node_modules/esbuild/lib/main.js'))) as typeof Esbuild;
  await esbuild.build({
    entryPoints: [join(appDir, 'app.js')],
    outfile: join(servedDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    alias: { 'gws-rx': join(root, 'dist/index.js') },
  });
  copyFileSync(join(appDir, 'index.html'), join(servedDir, 'index.html'));
  sim = await startPageSimulator(servedDir, (line) => simLog.push(line), {
    users: { agent1: 'agent1-demo', agent2: 'agent2-demo' },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/v2/me/')) posts.push(r.url());
  });
  await page.goto(sim.url + '/');
  await page.waitForFunction(() => 'run' in window);
  await page.evaluate(
    (user) => (window as unknown as { connect: (u: unknown) => Promise<void> }).connect(user),
    sim.user,
  );
  sim.publish('/v2/me/devices', {
    messageType: 'DeviceStateChangeMessage',
    devices: [{ id: 'dev-1', deviceState: 'Active', userState: { state: 'NotReady' }, phoneNumber: '5000' }],
  });
});

afterAll(async () => {
  await page?.close().catch(() => undefined);
  await browser?.close();
  await sim?.close();
  if (servedDir) rmSync(servedDir, { recursive: true, force: true });
});

/** Runs one operation in the page through the app's `run`. */
const run = (family: Family, target: Target, request: Record<string, unknown>): Promise<Outcome> =>
  page.evaluate(
    ([f, t, r]) => (window as unknown as { run: (f: Family, t: Target, r: unknown) => Promise<Outcome> }).run(f, t, r),
    [family, target, request] as const,
  );

const customer = { nickname: 'Alice', type: 'Customer', participantId: 'P-CUST' };
const agent = { nickname: 'Ann', type: 'Agent', participantId: 'P-AGENT' };
/** What a Chatting chat allows, as the simulator publishes it. */
const chatting = chatCapabilities.Chatting ?? [];

/** Where each family's resources go in the simulator: topic, message type, resource key, snapshot list, log noun. */
const kinds = {
  call: ['/v2/me/calls', 'CallStateChangeMessage', 'call', 'calls', 'call'],
  chat: ['/v2/me/chats', 'ChatStateChangeMessage', 'chat', 'chats', 'chat'],
  imSession: ['/v2/me/im-sessions', 'IMSessionStateChangeMessage', 'imSession', 'imSessions', 'IM session'],
  email: ['/v2/me/emails', 'EmailStateChangeMessage', 'email', 'emails', 'email'],
  workitem: ['/v2/me/workitems', 'WorkitemStateChangeMessage', 'workitem', 'workitems', 'workitem'],
} as const;
type Kind = keyof typeof kinds;

/** Publishes a resource of `kind` in the simulator, as GWS would notify it. */
const publish = (kind: Kind, resource: Record<string, unknown>): void => {
  const [topic, messageType, key] = kinds[kind];
  sim.publish(topic, { messageType, notificationType: 'StatusChange', [key]: resource });
};
/** The simulator's live resource of `kind` with this id (undefined once ended). */
const truth = (kind: Kind, id: string): Resource | undefined => sim.snapshot()[kinds[kind][3]].find((r) => r.id === id);
const lastEntry = (chatId: string) => sim.transcript(chatId).at(-1);

interface Row {
  readonly family: Family;
  readonly name: string;
  /** Publishes what the operation acts on; returns its target (the resource as the app knows it, or null). */
  readonly prepare: () => Target;
  readonly request: Record<string, unknown>;
  /** The log noun and id of the resource the simulator performs it on. */
  readonly on: string;
  /** Asserts the simulator's state changed as the operation says. */
  readonly changed: () => void;
}

/** A resource published with the capabilities the operation needs, passed to the operation as the app knows it. */
const resource =
  (kind: Kind, id: string, fields: Record<string, unknown>, capabilities: readonly string[]) => (): Target => {
    publish(kind, { id, ...fields, capabilities });
    return { id, capabilities };
  };
const device = () => sim.snapshot().devices[0]?.userState;
const ended = (kind: Kind, id: string) => () => expect(truth(kind, id)).toBeUndefined();

const call = (id: string, state: string, caps: readonly string[], extra: Record<string, unknown> = {}) =>
  resource('call', id, { state, callType: 'Inbound', ani: '15001', ...extra }, caps);
const chat = (id: string, state = 'Chatting', caps: readonly string[] = chatting) =>
  resource('chat', id, { state, participants: [customer, agent] }, caps);
const im = (id: string, state: string, caps: readonly string[]) =>
  resource('imSession', id, { state, path: `/im-sessions/${id}` }, caps);
const email = (id: string, state: string, caps: readonly string[]) =>
  resource('email', id, { state, emailType: 'Inbound', from: 'alice@example.com', subject: 'My order' }, caps);
const workitem = (id: string, state: string, caps: readonly string[]) =>
  resource('workitem', id, { state, subject: 'Refund request' }, caps);

const rows: readonly Row[] = [
  {
    family: 'agent',
    name: 'Ready',
    prepare: () => null,
    request: { operationName: 'Ready' },
    on: 'device dev-1',
    changed: () => expect(device()).toMatchObject({ state: 'Ready' }),
  },
  {
    family: 'agent',
    name: 'NotReady (reasonCode, workMode)',
    prepare: () => null,
    request: { operationName: 'NotReady', reasonCode: 'Lunch', workMode: 'WalkAway' },
    on: 'device dev-1',
    changed: () => expect(device()).toMatchObject({ state: 'NotReady', workMode: 'WalkAway', reasonCode: 'Lunch' }),
  },
  {
    family: 'agent',
    name: 'AfterCallWork (wrapUpTime)',
    prepare: () => null,
    request: { operationName: 'AfterCallWork', wrapUpTime: 30 },
    on: 'device dev-1',
    changed: () => expect(device()).toMatchObject({ state: 'NotReady', workMode: 'AfterCallWork' }),
  },
  {
    family: 'agent',
    name: 'AuxWork (reasonCode)',
    prepare: () => null,
    request: { operationName: 'AuxWork', reasonCode: 'Training' },
    on: 'device dev-1',
    changed: () => expect(device()).toMatchObject({ state: 'NotReady', workMode: 'AuxWork', reasonCode: 'Training' }),
  },
  {
    family: 'call',
    name: 'Answer',
    prepare: call('k1', 'Ringing', ['Answer']),
    request: { operationName: 'Answer' },
    on: 'call k1',
    changed: () => expect(truth('call', 'k1')).toMatchObject({ state: 'Established' }),
  },
  {
    family: 'call',
    name: 'Hold',
    prepare: call('k2', 'Established', ['Hold', 'Hangup']),
    request: { operationName: 'Hold' },
    on: 'call k2',
    changed: () => expect(truth('call', 'k2')).toMatchObject({ state: 'Held' }),
  },
  {
    family: 'call',
    name: 'Retrieve',
    prepare: call('k3', 'Held', ['Retrieve', 'Hangup']),
    request: { operationName: 'Retrieve' },
    on: 'call k3',
    changed: () => expect(truth('call', 'k3')).toMatchObject({ state: 'Established' }),
  },
  {
    family: 'call',
    name: 'Hangup',
    prepare: call('k4', 'Established', ['Hold', 'Hangup']),
    request: { operationName: 'Hangup' },
    on: 'call k4',
    changed: ended('call', 'k4'),
  },
  {
    family: 'call',
    name: 'ClearCall (needs Hangup)',
    prepare: call('k5', 'Established', ['Hold', 'Hangup']),
    request: { operationName: 'ClearCall' },
    on: 'call k5',
    changed: ended('call', 'k5'),
  },
  {
    family: 'call',
    name: 'AttachUserData',
    prepare: call('k6', 'Established', ['AttachUserData'], { userData: { lang: 'en' } }),
    request: { operationName: 'AttachUserData', userData: { caseId: 42 } },
    on: 'call k6',
    changed: () => expect(truth('call', 'k6')?.userData).toEqual({ lang: 'en', caseId: 42 }),
  },
  {
    family: 'call',
    name: 'UpdateUserData',
    prepare: call('k7', 'Established', ['UpdateUserData'], { userData: { lang: 'en', caseId: 1 } }),
    request: { operationName: 'UpdateUserData', userData: { caseId: 2 } },
    on: 'call k7',
    changed: () => expect(truth('call', 'k7')?.userData).toEqual({ lang: 'en', caseId: 2 }),
  },
  {
    family: 'chat',
    name: 'Accept',
    prepare: chat('h1', 'Invited', ['Accept', 'Reject']),
    request: { operationName: 'Accept' },
    on: 'chat h1',
    changed: () => {
      expect(truth('chat', 'h1')).toMatchObject({ state: 'Chatting' });
      expect(lastEntry('h1')).toMatchObject({ type: 'ParticipantJoined', from: { type: 'Agent' } });
    },
  },
  {
    family: 'chat',
    name: 'SendMessage',
    prepare: chat('h2'),
    request: { operationName: 'SendMessage', text: 'Hi Alice, how can I help?' },
    on: 'chat h2',
    changed: () => expect(lastEntry('h2')).toMatchObject({ type: 'Text', text: 'Hi Alice, how can I help?' }),
  },
  {
    family: 'chat',
    name: 'SendUrl',
    prepare: chat('h3'),
    request: { operationName: 'SendUrl', url: 'https://example.com/faq' },
    on: 'chat h3',
    changed: () => expect(lastEntry('h3')).toMatchObject({ type: 'PushUrl', url: 'https://example.com/faq' }),
  },
  {
    family: 'chat',
    name: 'SendStartTypingNotification (StartTyping)',
    prepare: chat('h4'),
    request: { operationName: 'SendStartTypingNotification' },
    on: 'chat h4',
    changed: () => expect(lastEntry('h4')).toMatchObject({ type: 'TypingStarted', from: { type: 'Agent' } }),
  },
  {
    family: 'chat',
    name: 'SendStopTypingNotification (StopTyping)',
    prepare: chat('h5'),
    request: { operationName: 'SendStopTypingNotification' },
    on: 'chat h5',
    changed: () => expect(lastEntry('h5')).toMatchObject({ type: 'TypingStopped', from: { type: 'Agent' } }),
  },
  {
    family: 'chat',
    name: 'SendCustomNotice',
    prepare: chat('h6'),
    request: { operationName: 'SendCustomNotice', noticeText: 'Please hold on' },
    on: 'chat h6',
    changed: () => expect(lastEntry('h6')).toMatchObject({ type: 'Notice', text: 'Please hold on' }),
  },
  {
    family: 'chat',
    name: 'Complete',
    prepare: chat('h7'),
    request: { operationName: 'Complete' },
    on: 'chat h7',
    changed: ended('chat', 'h7'),
  },
  {
    family: 'chat',
    name: 'Leave',
    prepare: chat('h8'),
    request: { operationName: 'Leave' },
    on: 'chat h8',
    changed: ended('chat', 'h8'),
  },
  {
    family: 'chat',
    name: 'Transfer to a queue (with text)',
    prepare: chat('h9'),
    request: { operationName: 'Transfer', queueName: 'test-queue', text: 'A colleague takes over' },
    on: 'chat h9',
    changed: ended('chat', 'h9'),
  },
  {
    family: 'chat',
    name: 'Transfer to an agent (targetUri)',
    prepare: chat('h10'),
    request: { operationName: 'Transfer', targetUri: 'TARGET' },
    on: 'chat h10',
    changed: ended('chat', 'h10'),
  },
  {
    family: 'imSession',
    name: 'Accept',
    prepare: im('im1', 'Invited', ['Accept', 'Reject']),
    request: { operationName: 'Accept' },
    on: 'IM session im1',
    changed: () => expect(truth('imSession', 'im1')).toMatchObject({ state: 'Talking' }),
  },
  {
    family: 'imSession',
    name: 'SendMessage',
    prepare: im('im2', 'Talking', ['SendMessage', 'Complete']),
    request: { operationName: 'SendMessage', text: 'On my way' },
    on: 'IM session im2',
    changed: () => expect(truth('imSession', 'im2')).toMatchObject({ state: 'Talking' }),
  },
  {
    family: 'imSession',
    name: 'Complete',
    prepare: im('im3', 'Talking', ['SendMessage', 'Complete']),
    request: { operationName: 'Complete' },
    on: 'IM session im3',
    changed: ended('imSession', 'im3'),
  },
  {
    family: 'email',
    name: 'Accept',
    prepare: email('e1', 'Invited', ['Accept', 'Reject']),
    request: { operationName: 'Accept' },
    on: 'email e1',
    changed: () => expect(truth('email', 'e1')).toMatchObject({ state: 'Processing' }),
  },
  {
    family: 'email',
    name: 'Reply',
    prepare: email('e2', 'Processing', ['Reply', 'Complete']),
    request: { operationName: 'Reply' },
    on: 'email e2',
    changed: () =>
      expect(sim.snapshot().emails.find((e) => e.parentId === 'e2')).toMatchObject({
        state: 'Composing',
        subject: 'Re: My order',
        to: ['alice@example.com'],
      }),
  },
  {
    family: 'email',
    name: 'Send',
    prepare: resource('email', 'e3', { state: 'Composing', emailType: 'Outbound', subject: 'Re: hi' }, ['Send']),
    request: { operationName: 'Send', body: 'Your order ships today.' },
    on: 'email e3',
    changed: ended('email', 'e3'),
  },
  {
    family: 'email',
    name: 'Complete',
    prepare: email('e4', 'Processing', ['Reply', 'Complete']),
    request: { operationName: 'Complete' },
    on: 'email e4',
    changed: ended('email', 'e4'),
  },
  {
    family: 'workitem',
    name: 'Accept',
    prepare: workitem('w1', 'Invited', ['Accept', 'Reject']),
    request: { operationName: 'Accept' },
    on: 'workitem w1',
    changed: () => expect(truth('workitem', 'w1')).toMatchObject({ state: 'Processing' }),
  },
  {
    family: 'workitem',
    name: 'Complete',
    prepare: workitem('w2', 'Processing', ['Complete']),
    request: { operationName: 'Complete' },
    on: 'workitem w2',
    changed: ended('workitem', 'w2'),
  },
];

/**
 * The simulator's log lines of the operations it performed on `on` (`operation: <name> on <noun> <id> (…)`), from its
 * line `from` on.
 */
const performed = (on: string, from = 0): string[] =>
  simLog.slice(from).filter((l) => l.startsWith('operation: ') && l.split(' (')[0]?.endsWith(` on ${on}`));

test.each(rows.map((r) => [r.family, r.name, r] as const))(
  '%s %s: confirmed in the page, and the simulator changed as it says',
  async (family, _name, row) => {
    const logged = simLog.length;
    const target = row.prepare();
    // The agent's user URL needs the simulator's origin, known only once it runs.
    const request =
      row.request.targetUri === 'TARGET'
        ? { ...row.request, targetUri: `${sim.url}/api/v2/users/user-agent2` }
        : row.request;
    const outcome = await run(family, target, request);
    const operationName = String(row.request.operationName);
    const resourceId = target === null ? 'voice' : typeof target === 'string' ? target : target.id;
    expect(outcome.error).toBeUndefined();
    expect(outcome.events?.map((e) => [e.status, e.operation, e.resourceId])).toEqual([
      ['accepted', operationName, resourceId],
      ['confirmed', operationName, resourceId],
    ]);
    expect(performed(row.on, logged).map((l) => l.split(' on ')[0])).toEqual([`operation: ${operationName}`]);
    row.changed();
  },
);

test('every operation of every family has its row', () => {
  const names = (family: Family) => rows.filter((r) => r.family === family).map((r) => r.request.operationName);
  expect(new Set(names('agent'))).toEqual(new Set(['Ready', 'NotReady', 'AfterCallWork', 'AuxWork']));
  expect(new Set(names('call'))).toEqual(
    new Set(['Answer', 'Hold', 'Retrieve', 'Hangup', 'ClearCall', 'AttachUserData', 'UpdateUserData']),
  );
  expect(new Set(names('chat'))).toEqual(
    new Set([
      'Accept',
      'SendMessage',
      'SendUrl',
      'SendStartTypingNotification',
      'SendStopTypingNotification',
      'SendCustomNotice',
      'Complete',
      'Leave',
      'Transfer',
    ]),
  );
  expect(new Set(names('imSession'))).toEqual(new Set(['Accept', 'SendMessage', 'Complete']));
  expect(new Set(names('email'))).toEqual(new Set(['Accept', 'Reply', 'Send', 'Complete']));
  expect(new Set(names('workitem'))).toEqual(new Set(['Accept', 'Complete']));
});

test('an operation the simulator rejects (fault switch): the GwsOperationError’s fields in the page, nothing changed', async () => {
  const target = call('k20', 'Established', ['Hold', 'Hangup'])();
  sim.faults.rejectOperations(5);
  let outcome: Outcome;
  try {
    outcome = await run('call', target, { operationName: 'Hold' });
  } finally {
    sim.faults.rejectOperations(false);
  }
  expect(outcome.events).toBeUndefined();
  expect(outcome.error).toEqual({
    kind: 'GwsOperationError',
    operation: 'Hold',
    resourceId: 'k20',
    cause: { type: 'rejected', sent: true, httpStatus: 403, statusCode: 5, statusMessage: 'Rejected by fault switch' },
    message: 'gws-rx: Hold on "k20" failed: rejected: statusCode 5, HTTP 403: Rejected by fault switch',
  });
  expect(simLog).toContain('fault: Hold on call k20 rejected with statusCode 5');
  expect(performed('call k20')).toEqual([]);
  expect(truth('call', 'k20')).toMatchObject({ state: 'Established' });
});

test('an operation outside the resource’s capabilities fails in the page at once, with no request', async () => {
  const target = chat('h20', 'Chatting', ['Complete'])();
  const sent = posts.length;
  const outcome = await run('chat', target, { operationName: 'SendMessage', text: 'never sent' });
  expect(outcome.error).toEqual({
    kind: 'GwsOperationError',
    operation: 'SendMessage',
    resourceId: 'h20',
    cause: { type: 'capability', sent: false, capability: 'SendMessage', capabilities: ['Complete'] },
    message: `gws-rx: SendMessage on "h20" failed: not in the resource's capabilities (Complete)`,
  });
  expect(posts.length).toBe(sent);
  expect(simLog.filter((l) => l.includes(' on chat h20'))).toEqual([]);
  expect(sim.transcript('h20')).toEqual([]);
  expect(pageErrors).toEqual([]);
});
