// The browser dashboard: gws-rx's browser build (cometd's browser transport) against the simulator on the same
// origin. Every panel is an RxJS subscription to one of the library's operators; no framework.
import { Subscription, auditTime, scan, startWith } from 'rxjs';
import {
  callConversations,
  chatConversations,
  createGwsClient,
  deviceStates,
  gwsLogin,
  liveConversations,
  serviceStates,
} from '../../src/index';
import type { ChatConversationState, ConnectionState } from '../../src/index';
import { mountActions } from './actions';

type ChatState = ChatConversationState;

// The embedded simulator's demo user. This page is a demo for the simulator only: never put real credentials here.
const DEMO_USER = { username: 'agent1', password: 'agent1-demo' };
const REDRAW_MS = 100;

const byTestId = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`dashboard: missing element [data-testid="${id}"]`);
  return el;
};

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const rec = (v: unknown): Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

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

  const failures = byTestId('decode-failures');
  subs.add(
    client.decodeFailures$
      .pipe(
        scan((n) => n + 1, 0),
        startWith(0),
      )
      .subscribe((n) => (failures.textContent = String(n))),
  );

  const agents = byTestId('agents');
  subs.add(
    client
      .topic('/v2/me/devices')
      .pipe(deviceStates(), auditTime(REDRAW_MS))
      .subscribe((devices) =>
        agents.replaceChildren(
          ...[...devices.values()].map((d) => {
            const user = rec(rec(d).userState);
            const mode = str(user.workMode);
            return el(
              'li',
              { 'data-testid': 'agent', 'data-id': str(rec(d).id) },
              el('b', {}, str(rec(d).phoneNumber, str(rec(d).id))),
              ` ${str(user.state, '?')}${mode ? ` (${mode})` : ''}`,
            );
          }),
        ),
      ),
  );

  const services = byTestId('services');
  subs.add(
    client
      .topic('/notifications/services')
      .pipe(serviceStates(), auditTime(REDRAW_MS))
      .subscribe((map) =>
        services.replaceChildren(
          ...[...map.values()].map((s) =>
            el(
              'li',
              { 'data-testid': 'service' },
              `${str(rec(s).name)} ${str(rec(s).type)}`.trim() + `: ${str(rec(s).state, '?')}`,
            ),
          ),
        ),
      ),
  );

  const conversations = byTestId('conversations');
  const count = byTestId('conversation-count');
  subs.add(
    client
      .topic('/v2/me/chats')
      .pipe(chatConversations(), liveConversations(), auditTime(REDRAW_MS))
      .subscribe((chats) => {
        count.textContent = String(chats.size);
        conversations.replaceChildren(...[...chats.values()].map(renderChat));
      }),
  );

  const calls = byTestId('calls');
  subs.add(
    client
      .topic('/v2/me/calls')
      .pipe(callConversations(), liveConversations(), auditTime(REDRAW_MS))
      .subscribe((map) =>
        calls.replaceChildren(
          ...[...map.values()].map((s) =>
            el(
              'li',
              { 'data-testid': 'call', 'data-id': s.id, 'data-state': s.state ?? '' },
              `${str(rec(s.resource).callType, '?')} from ${str(rec(s.resource).ani, '?')}: ${s.state ?? '?'}`,
            ),
          ),
        ),
      ),
  );

  // Buttons that run operations (actions.ts), in a panel of their own.
  subs.add(mountActions(client, document.querySelector('main') ?? document.body));

  return async () => {
    subs.unsubscribe();
    await client.close();
  };
}

void start().then((stop) => window.addEventListener('pagehide', () => void stop(), { once: true }));
