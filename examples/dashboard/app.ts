// The browser dashboard: gws-rx's browser build (cometd's browser transport) against the simulator on the same
// origin. Every panel is one `syncedTopic` piped into one of the library's operators and drawn by one row function
// (`panels` below); the client's state reads seed the panels at once and repair them after a reconnect. The
// library folds every notification as it comes; the page draws at most once per animation frame, and then only the
// rows whose entry changed (`mapChanges()`). No framework.
import { Subscription, animationFrameScheduler, auditTime, scan, shareReplay, startWith, tap } from 'rxjs';
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
  mapChanges,
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
  MapChanges,
  ResyncOf,
  Service,
  SyncState,
  TopicMap,
  TopicName,
  WorkitemConversationState,
} from '../../src/index';
import { mountActions } from './actions';
import type { ConversationMaps } from './actions';
import { el, keyedRows, rec, str } from './dom';
import { chatRow, supervisorMode, virtualList } from './list';

type ChatState = ChatConversationState;

// The embedded simulator's demo user. This page is a demo for the simulator only: never put real credentials here.
const DEMO_USER = { username: 'agent1', password: 'agent1-demo' };

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

// One row function per panel: each draws one entry of the operator's Map.
const renderAgent = (d: Device): HTMLElement => {
  const user = rec(d.userState);
  const mode = str(user.workMode);
  return el(
    'li',
    { 'data-testid': 'agent', 'data-id': d.id },
    el('b', {}, str(d.phoneNumber, d.id)),
    ` ${str(user.state, '?')}${mode ? ` (${mode})` : ''}`,
  );
};

const renderService = (s: Service): HTMLElement =>
  el('li', { 'data-testid': 'service' }, `${str(s.name)} ${str(s.type)}`.trim() + `: ${str(s.state, '?')}`);

const renderCall = (s: CallConversationState): HTMLElement =>
  item(
    'call',
    s.id,
    s.state,
    `${str(rec(s.resource).callType, '?')} from ${str(rec(s.resource).ani, '?')}: ${s.state ?? '?'}`,
  );

const renderImSession = (s: ImSessionConversationState): HTMLElement =>
  item(
    'im-session',
    s.id,
    s.state,
    el('b', {}, `${s.state ?? '?'}`),
    ` · ${s.transcript.length} msgs`,
    ...s.transcript.tail(2).map((m) => el('div', { class: 'muted' }, m.text)),
  );

const renderEmail = (s: EmailConversationState): HTMLElement =>
  item('email', s.id, s.state, `${str(rec(s.resource).subject, '(no subject)')}: ${s.state ?? '?'}`);

const renderWorkitem = (s: WorkitemConversationState): HTMLElement =>
  item('workitem', s.id, s.state, `${str(rec(s.resource).subject, s.id)}: ${s.state ?? '?'}`);

/** What a panel shows: the topic, the operator that folds it into a Map, and the function that draws an entry. */
interface Panel<T extends TopicName, V> {
  readonly testId: string;
  readonly topic: T;
  readonly operator: () => OperatorFunction<TopicMap[T] | ResyncOf<T>, ReadonlyMap<string, V>>;
  readonly row: (value: V) => HTMLElement;
  /** Where the panel writes how many entries it shows, if anywhere. */
  readonly countTestId?: string;
  /** In supervisor mode (list.ts), a drawer that replaces the keyed rows: only the rows in view are in the DOM. */
  readonly virtual?: (target: HTMLElement) => (changes: MapChanges<string, V>) => void;
}
type AnyPanel = Panel<TopicName, unknown>;
const panel = <T extends TopicName, V>(p: Panel<T, V>): AnyPanel => p as unknown as AnyPanel;

/** Every panel of the page, in one list: adding one is a row function, a row here and an element in index.html. */
export const panels: readonly AnyPanel[] = [
  panel({ testId: 'agents', topic: '/v2/me/devices', operator: () => deviceStates(), row: renderAgent }),
  panel({
    testId: 'services',
    topic: '/notifications/services',
    operator: () => serviceStates(),
    row: renderService,
  }),
  panel({
    testId: 'conversations',
    countTestId: 'conversation-count',
    topic: '/v2/me/chats',
    operator: () => (s) => s.pipe(chatConversations(), liveConversations()),
    row: renderChat,
    virtual: (target) => {
      const list = virtualList(target, 24, chatRow);
      return (changes) => list.update(changes);
    },
  }),
  panel({
    testId: 'calls',
    topic: '/v2/me/calls',
    operator: () => (s) => s.pipe(callConversations(), liveConversations()),
    row: renderCall,
  }),
  panel({
    testId: 'im-sessions',
    topic: '/v2/me/im-sessions',
    operator: () => (s) => s.pipe(imSessionConversations(), liveConversations()),
    row: renderImSession,
  }),
  panel({
    testId: 'emails',
    topic: '/v2/me/emails',
    operator: () => (s) => s.pipe(emailConversations(), liveConversations()),
    row: renderEmail,
  }),
  panel({
    testId: 'workitems',
    topic: '/v2/me/workitems',
    operator: () => (s) => s.pipe(workitemConversations(), liveConversations()),
    row: renderWorkitem,
  }),
];

/**
 * One panel's state: its synced topic folded by its operator (`received` counts the notifications), shared, so the
 * actions panel lists the same Map rather than fold the topic again; the latest Map is replayed to a late subscriber.
 */
const fold = (client: GwsClient, p: AnyPanel, received: () => void): Observable<ReadonlyMap<string, unknown>> =>
  syncedTopic(client, p.topic).pipe(tap(received), p.operator(), shareReplay({ bufferSize: 1, refCount: true }));

/**
 * Draws one panel from its fold: at most once per animation frame, and then only the entries that changed since the
 * last drawing (`mapChanges()` after `auditTime`: the skipped Maps' changes add up).
 */
const mount = (p: AnyPanel, maps: Observable<ReadonlyMap<string, unknown>>): Subscription => {
  const target = byTestId(p.testId);
  const count = p.countTestId === undefined ? undefined : byTestId(p.countTestId);
  const draw = p.virtual && supervisorMode() ? p.virtual(target) : keyedRows(target, p.row);
  let shown = -1;
  return maps.pipe(auditTime(0, animationFrameScheduler), mapChanges()).subscribe((changes) => {
    if (count && changes.map.size !== shown) count.textContent = String((shown = changes.map.size));
    draw(changes);
  });
};

const describeSync = (s: SyncState): string => (s.status === 'failed' ? `state not read: ${s.reason}` : s.status);

/** Starts the dashboard; returns a function that stops it. */
export async function start(): Promise<() => Promise<void>> {
  const baseUrl = window.location.origin;
  if (supervisorMode()) document.body.classList.add('supervisor');
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

  // Notifications the panels received (decoded), shown per second; `data-total` and `data-at` (ms, the page's clock)
  // let a benchmark compute the rate over any window.
  let received = 0;
  const rate = byTestId('notification-rate');
  let counted = 0;
  const timer = setInterval(() => {
    rate.textContent = String(received - counted);
    rate.dataset.total = String((counted = received));
    rate.dataset.at = String(performance.now());
  }, 1000);
  subs.add(() => clearInterval(timer));
  const folds = new Map<TopicName, Observable<ReadonlyMap<string, unknown>>>();
  for (const p of panels) {
    const maps = fold(client, p, () => (received += 1));
    folds.set(p.topic, maps);
    subs.add(mount(p, maps));
  }
  /** A panel's fold, as the Map of the state its operator makes. */
  const foldOf = <V>(topic: TopicName): Observable<ReadonlyMap<string, V>> =>
    folds.get(topic) as Observable<ReadonlyMap<string, V>>;

  // Buttons that run operations (actions.ts), in a panel of their own, on the panels' folds. A supervisor's thousands
  // of conversations get no buttons each (thousands of rows outside the virtualized list): the panel keeps the
  // agent's own buttons.
  const maps: ConversationMaps | undefined = supervisorMode()
    ? undefined
    : {
        calls: foldOf('/v2/me/calls'),
        chats: foldOf('/v2/me/chats'),
        imSessions: foldOf('/v2/me/im-sessions'),
        emails: foldOf('/v2/me/emails'),
        workitems: foldOf('/v2/me/workitems'),
      };
  subs.add(mountActions(client, document.querySelector('main') ?? document.body, maps));

  return async () => {
    subs.unsubscribe();
    await client.close();
  };
}

void start().then((stop) => window.addEventListener('pagehide', () => void stop(), { once: true }));
