import { Observable, auditTime, combineLatest, distinctUntilChanged, map, of, scan, startWith } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { ConnectionState } from '../client/connection';
import type { SyncState } from '../client/recovery';
import { syncedTopic } from '../client/syncedTopic';
import type { TopicName } from '../protocol/topics';
import { callConversations } from '../operators/callConversations';
import { chatConversations } from '../operators/chatConversations';
import { liveConversations } from '../operators/liveConversations';
import { deviceStates } from '../operators/deviceStates';
import { emailConversations } from '../operators/emailConversations';
import { imSessionConversations } from '../operators/imSessionConversations';
import { serviceStates } from '../operators/serviceStates';
import { workbinContents } from '../operators/workbinContents';
import { workitemConversations } from '../operators/workitemConversations';

/** A line of a transcript as the view shows it. */
export interface ViewLine {
  readonly who: string;
  readonly text: string;
}

/** One conversation as the view shows it. */
export interface ViewConversation {
  readonly id: string;
  readonly state: string;
  readonly title: string;
  readonly messages: number;
  readonly gaps: number;
  readonly tail: readonly ViewLine[];
  readonly typing: readonly string[];
}

/** Everything the terminal view draws: derived from the library's operators only. */
export interface ViewModel {
  readonly connection: ConnectionState;
  readonly agents: readonly { readonly id: string; readonly phone: string; readonly state: string }[];
  readonly chats: readonly ViewConversation[];
  readonly imSessions: readonly ViewConversation[];
  readonly calls: readonly {
    readonly id: string;
    readonly state: string;
    readonly from: string;
    readonly type: string;
  }[];
  readonly emails: number;
  readonly workitems: number;
  readonly workbinItems: number;
  readonly services: readonly { readonly name: string; readonly state: string }[];
  readonly decodeFailures: number;
  /** The client's state reads (`GET /api/v2/me?subresources=*`, from `client.sync$`): none, reading, ok, or failed. */
  readonly snapshot: ViewSnapshot;
}

/** The state of the client's state reads as the view shows it. */
export type ViewSnapshot =
  { readonly status: 'none' | 'reading' | 'ok' } | { readonly status: 'failed'; readonly message: string };

/** `client.sync$` in the view's words. */
export const snapshotStatus = (s: SyncState): ViewSnapshot =>
  s.status === 'synced'
    ? { status: 'ok' }
    : s.status === 'syncing'
      ? { status: 'reading' }
      : s.status === 'failed'
        ? { status: 'failed', message: `state not read: ${s.reason}` }
        : { status: 'none' };

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const rec = (v: unknown): Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/** The topics the view uses. */
export const viewTopics: readonly TopicName[] = [
  '/v2/me/devices',
  '/v2/me/calls',
  '/notifications/services',
  '/v2/me/chats',
  '/v2/me/im-sessions',
  '/v2/me/emails',
  '/v2/me/workitems',
  '/v2/me/workbins',
];

/**
 * Composes the client's topics with gws-rx's operators into one ViewModel stream (at most one per `periodMs`).
 * Every topic is a `syncedTopic`, so the client's state reads seed and repair the view; topics not in `topics` stay
 * unsubscribed.
 */
export function viewModel$(client: GwsClient, topics: ReadonlySet<string>, periodMs = 100): Observable<ViewModel> {
  const on = <T>(name: TopicName, make: () => Observable<T>, empty: T): Observable<T> =>
    topics.has(name) ? make().pipe(startWith(empty)) : new Observable<T>((s) => s.next(empty));
  const topic = <K extends TopicName>(name: K) => syncedTopic(client, name);
  const emptyMap = new Map<string, never>();

  const chats = on(
    '/v2/me/chats',
    () => topic('/v2/me/chats').pipe(chatConversations(), liveConversations()),
    emptyMap,
  );
  const ims = on(
    '/v2/me/im-sessions',
    () => topic('/v2/me/im-sessions').pipe(imSessionConversations(), liveConversations()),
    emptyMap,
  );
  const calls = on(
    '/v2/me/calls',
    () => topic('/v2/me/calls').pipe(callConversations(), liveConversations()),
    emptyMap,
  );
  const emails = on(
    '/v2/me/emails',
    () => topic('/v2/me/emails').pipe(emailConversations(), liveConversations()),
    emptyMap,
  );
  const workitems = on(
    '/v2/me/workitems',
    () => topic('/v2/me/workitems').pipe(workitemConversations(), liveConversations()),
    emptyMap,
  );
  const devices = on('/v2/me/devices', () => topic('/v2/me/devices').pipe(deviceStates()), emptyMap);
  const services = on(
    '/notifications/services',
    () => topic('/notifications/services').pipe(serviceStates()),
    emptyMap,
  );
  const workbins = on('/v2/me/workbins', () => topic('/v2/me/workbins').pipe(workbinContents()), emptyMap);
  const failures = client.decodeFailures$.pipe(
    scan((n) => n + 1, 0),
    startWith(0),
  );
  const snapshot = (client.sync$ ?? of<SyncState>({ status: 'idle' })).pipe(
    map(snapshotStatus),
    distinctUntilChanged((a, b) => a.status === b.status && JSON.stringify(a) === JSON.stringify(b)),
  );

  return combineLatest([
    client.connection$,
    chats,
    ims,
    calls,
    emails,
    workitems,
    devices,
    services,
    workbins,
    failures,
    snapshot,
  ]).pipe(
    auditTime(periodMs),
    map(
      ([
        connection,
        chatMap,
        imMap,
        callMap,
        emailMap,
        workitemMap,
        deviceMap,
        serviceMap,
        workbinMap,
        decodeFailures,
        snapshotState,
      ]): ViewModel => ({
        connection,
        agents: [...deviceMap.values()].map((d) => {
          const device = rec(d);
          const user = rec(device.userState);
          const mode = str(user.workMode);
          return {
            id: str(device.id),
            phone: str(device.phoneNumber),
            state: str(user.state, '?') + (mode ? ` (${mode})` : ''),
          };
        }),
        chats: [...chatMap.values()].map((s) => {
          const participants = Array.isArray(rec(s.resource).participants)
            ? (rec(s.resource).participants as unknown[])
            : [];
          const customer = participants.map(rec).find((p) => p.type === 'Customer');
          return {
            id: s.id,
            state: s.state ?? '?',
            title: str(customer?.nickname, 'customer'),
            messages: s.transcript.length,
            gaps: s.transcript.gaps.length,
            tail: s.transcript
              .tail(12)
              .filter((m) => str(rec(m).type) === 'Text')
              .slice(-3)
              .map((m) => ({ who: str(rec(rec(m).from).nickname, '?'), text: str(rec(m).text) })),
            typing: s.typing.map((id) => {
              const p = s.present.find((x) => x.id === id);
              return p?.nickname ?? id;
            }),
          };
        }),
        imSessions: [...imMap.values()].map((s) => ({
          id: s.id,
          state: s.state ?? '?',
          title: 'IM',
          messages: s.transcript.length,
          gaps: 0,
          tail: s.transcript.tail(2).map((m) => ({ who: 'agent', text: m.text })),
          typing: [],
        })),
        calls: [...callMap.values()].map((s) => {
          const call = rec(s.resource);
          return { id: s.id, state: s.state ?? '?', from: str(call.ani, '?'), type: str(call.callType, '?') };
        }),
        emails: emailMap.size,
        workitems: workitemMap.size,
        workbinItems: [...workbinMap.values()].reduce((n, items) => n + items.size, 0),
        services: [...serviceMap.values()].map((s) => ({
          name: `${str(rec(s).name)} ${str(rec(s).type)}`.trim(),
          state: str(rec(s).state, '?'),
        })),
        decodeFailures,
        snapshot: snapshotState,
      }),
    ),
  );
}
