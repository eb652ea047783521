// The browser dashboard: gws-rx's browser build (cometd's browser transport) against the simulator on the same
// origin. Every panel is one `syncedTopic` piped into one of the library's operators and drawn by one render
// function (`panels` below); the client's state reads seed the panels at once and repair them after a reconnect.
// No framework.
import { Subscription, auditTime, scan, startWith } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import {
  callConversations,
  chatConversations,
  createGwsClient,
  deviceStates,
  emailConversations,
  gwsLogin,
  imSessionConversations,
  liveConversations,
  serviceStates,
  syncedTopic,
  workitemConversations,
} from '../../src/index';
import type {
  CallConversationState,
  ChatConversationState,
  ConnectionState,
  Device,
  EmailConversationState,
  GwsClient,
  ImSessionConversationState,
  ResyncOf,
  Service,
  SyncState,
  TopicMap,
  TopicName,
  WorkitemConversationState,
} from '../../src/index';
import { mountActions } from './actions';
import { el, rec, str } from './dom';
import { chatRow, supervisorMode, virtualList } from './list';

type ChatState = ChatConversationState;

// The embedded simulator's demo user. This page is a demo for the simulator only: never put real credentials here.
const DEMO_USER = { username: 'agent1', password: 'agent1-demo' };
const REDRAW_MS = 100;

const byTestId = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`dashboard: missing element [data-testid="${id}"]`);
  return el;
};

const describe = (s: ConnectionState): string =>
  s.status === 'reconnecting'
    ? `reconnecting (attempt ${s.attempt})`
    : s.status === 'failed'
      ? `failed: ${s.reason}`
      : s.status;

const renderChat = (s: ChatState): HTMLElement => {
  const customer = (Array.isArray(rec(s.resource).participants) ? (rec(s.resource).participants as unknown[]) : [])
    .map(rec)
    .find((p) => p.type === 'Customer');
  const lines = s.transcript
    .tail(20)
    .filter((m) => str(rec(m).type) === 'Text')
    .slice(-6)
    .map((m) =>
      el(
        'li',
        { 'data-testid': 'transcript-line' },
        el('span', { class: 'who' }, `${str(rec(rec(m).from).nickname, '?')}:`),
        str(rec(m).text),
      ),
    );
  const typing = s.typing.map((id) => s.present.find((p) => p.id === id)?.nickname ?? id);
  return el(
    'div',
    {
      class: 'conversation',
      'data-testid': 'conversation',
      'data-id': s.id,
      'data-state': s.state ?? '',
      'data-messages': String(s.transcript.length),
    },
    el(
      'h3',
      {},
      el('span', {}, str(customer?.nickname, 'customer')),
      el('span', { class: 'muted' }, `${s.state ?? '?'} · ${s.transcript.length} msgs`),
    ),
    el('ul', { class: 'transcript', 'data-testid': 'transcript' }, ...lines),
    el('div', { class: 'typing', 'data-testid': 'typing' }, typing.length > 0 ? `${typing.join(', ')} typing…` : ''),
  );
};

const item = (testId: string, id: string, state: string | undefined, ...children: (Node | string)[]): HTMLElement =>
  el('li', { 'data-testid': testId, 'data-id': id, 'data-state': state ?? '' }, ...children);

// One render function per panel: each takes the operator's latest value and returns the panel's children.
const renderAgents = (devices: ReadonlyMap<string, Device>): Node[] =>
  [...devices.values()].map((d) => {
    const user = rec(d.userState);
    const mode = str(user.workMode);
    return el(
      'li',
      { 'data-testid': 'agent', 'data-id': d.id },
      el('b', {}, str(d.phoneNumber, d.id)),
      ` ${str(user.state, '?')}${mode ? ` (${mode})` : ''}`,
    );
  });

const renderServices = (services: ReadonlyMap<string, Service>): Node[] =>
  [...services.values()].map((s) =>
    el('li', { 'data-testid': 'service' }, `${str(s.name)} ${str(s.type)}`.trim() + `: ${str(s.state, '?')}`),
  );

const renderChats = (chats: ReadonlyMap<string, ChatState>): Node[] => [...chats.values()].map(renderChat);

const renderCalls = (calls: ReadonlyMap<string, CallConversationState>): Node[] =>
  [...calls.values()].map((s) =>
    item(
      'call',
      s.id,
      s.state,
      `${str(rec(s.resource).callType, '?')} from ${str(rec(s.resource).ani, '?')}: ${s.state ?? '?'}`,
    ),
  );

const renderImSessions = (ims: ReadonlyMap<string, ImSessionConversationState>): Node[] =>
  [...ims.values()].map((s) =>
    item(
      'im-session',
      s.id,
      s.state,
      el('b', {}, `${s.state ?? '?'}`),
      ` · ${s.transcript.length} msgs`,
      ...s.transcript.tail(2).map((m) => el('div', { class: 'muted' }, m.text)),
    ),
  );

const renderEmails = (emails: ReadonlyMap<string, EmailConversationState>): Node[] =>
  [...emails.values()].map((s) =>
    item('email', s.id, s.state, `${str(rec(s.resource).subject, '(no subject)')}: ${s.state ?? '?'}`),
  );

const renderWorkitems = (workitems: ReadonlyMap<string, WorkitemConversationState>): Node[] =>
  [...workitems.values()].map((s) =>
    item('workitem', s.id, s.state, `${str(rec(s.resource).subject, s.id)}: ${s.state ?? '?'}`),
  );

/** What a panel shows: the topic, the operator that folds it, and the render function that draws its value. */
interface Panel<T extends TopicName, V> {
  readonly testId: string;
  readonly topic: T;
  readonly operator: () => OperatorFunction<TopicMap[T] | ResyncOf<T>, V>;
  readonly render: (value: V) => Node[];
  /** Where the panel writes how many entries it shows, if anywhere. */
  readonly countTestId?: string;
  /** In supervisor mode (list.ts), a drawer that replaces `render`: only the rows in view are in the DOM. */
  readonly virtual?: (target: HTMLElement) => (value: V) => void;
}
type AnyPanel = Panel<TopicName, ReadonlyMap<string, unknown>>;
const panel = <T extends TopicName, V extends ReadonlyMap<string, unknown>>(p: Panel<T, V>): AnyPanel =>
  p as unknown as AnyPanel;

/** Every panel of the page, in one list: adding one is a render function, a row here and an element in index.html. */
export const panels: readonly AnyPanel[] = [
  panel({ testId: 'agents', topic: '/v2/me/devices', operator: () => deviceStates(), render: renderAgents }),
  panel({
    testId: 'services',
    topic: '/notifications/services',
    operator: () => serviceStates(),
    render: renderServices,
  }),
  panel({
    testId: 'conversations',
    countTestId: 'conversation-count',
    topic: '/v2/me/chats',
    operator: () => (s) => s.pipe(chatConversations(), liveConversations()),
    render: renderChats,
    virtual: (target) => {
      const list = virtualList(target, 24, chatRow);
      return (chats) => list.update([...chats.values()]);
    },
  }),
  panel({
    testId: 'calls',
    topic: '/v2/me/calls',
    operator: () => (s) => s.pipe(callConversations(), liveConversations()),
    render: renderCalls,
  }),
  panel({
    testId: 'im-sessions',
    topic: '/v2/me/im-sessions',
    operator: () => (s) => s.pipe(imSessionConversations(), liveConversations()),
    render: renderImSessions,
  }),
  panel({
    testId: 'emails',
    topic: '/v2/me/emails',
    operator: () => (s) => s.pipe(emailConversations(), liveConversations()),
    render: renderEmails,
  }),
  panel({
    testId: 'workitems',
    topic: '/v2/me/workitems',
    operator: () => (s) => s.pipe(workitemConversations(), liveConversations()),
    render: renderWorkitems,
  }),
];

/** Draws one panel from its synced topic, at most once per REDRAW_MS. */
const mount = (client: GwsClient, p: AnyPanel): Subscription => {
  const target = byTestId(p.testId);
  const count = p.countTestId === undefined ? undefined : byTestId(p.countTestId);
  const source: Observable<TopicMap[TopicName] | ResyncOf<TopicName>> = syncedTopic(client, p.topic);
  const draw =
    p.virtual && supervisorMode()
      ? p.virtual(target)
      : (v: ReadonlyMap<string, unknown>) => target.replaceChildren(...p.render(v));
  return source.pipe(p.operator(), auditTime(REDRAW_MS)).subscribe((value) => {
    if (count) count.textContent = String(value.size);
    draw(value);
  });
};

const describeSync = (s: SyncState): string => (s.status === 'failed' ? `state not read: ${s.reason}` : s.status);

/** Starts the dashboard; returns a function that stops it. */
export async function start(): Promise<() => Promise<void>> {
  const baseUrl = window.location.origin;
  const login = async () => (await gwsLogin({ baseUrl, ...DEMO_USER })).headers;
  const client = createGwsClient({ url: baseUrl, headerProvider: login, backoffIncrement: 250, maxBackoff: 2000 });
  const subs = new Subscription();

  const status = byTestId('connection-status');
  subs.add(
    client.connection$.subscribe((s) => {
      status.dataset.status = s.status;
      status.textContent = describe(s);
    }),
  );
  const sync = byTestId('sync-status');
  if (client.sync$)
    subs.add(
      client.sync$.subscribe((s) => {
        sync.dataset.status = s.status;
        sync.textContent = describeSync(s);
      }),
    );

  const failures = byTestId('decode-failures');
  subs.add(
    client.decodeFailures$
      .pipe(
        scan((n) => n + 1, 0),
        startWith(0),
      )
      .subscribe((n) => (failures.textContent = String(n))),
  );

  for (const p of panels) subs.add(mount(client, p));

  // Buttons that run operations (actions.ts), in a panel of their own.
  subs.add(mountActions(client, document.querySelector('main') ?? document.body));

  return async () => {
    subs.unsubscribe();
    await client.close();
  };
}

void start().then((stop) => window.addEventListener('pagehide', () => void stop(), { once: true }));
