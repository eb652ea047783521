// A client's state against the simulator's truth. `watchClient` pipes `syncedTopic` of every topic into its state
// operator and keeps the latest states; `clientTruth` and `simTruth` normalize both sides to one plain shape (live
// conversations with their resource and indexed transcript, devices, services, workbin items), and `divergences`
// lists, one line each, where they differ. Used by the end-to-end recovery test and by the chaos run
// (test/recovery/chaos.ts, bench/chaos.mjs); the library is passed in, so the bench can run it against dist/.
import type { Observable, OperatorFunction, Subscription } from 'rxjs';
import type * as NodeEntry from '../../src/node';
import type * as SimEntry from '../../src/sim';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { Conversation } from '../../src/operators/index';
import type { TopicMap, TopicName } from '../../src/protocol/index';
import type { ResyncOf } from '../../src/protocol/resync';
import type { GwsSimulator } from '../../src/sim/server';

/** What the harness uses of `gws-rx/node` (src/ in Jest, dist/ in the bench). */
export type RecoveryLib = Pick<
  typeof NodeEntry,
  | 'createGwsClient'
  | 'gwsLogin'
  | 'mediaKinds'
  | 'TranscriptMessage'
  | 'WorkbinItem'
  | 'liveConversations'
  | 'chatConversations'
  | 'callConversations'
  | 'emailConversations'
  | 'workitemConversations'
  | 'imSessionConversations'
  | 'openmediaConversations'
  | 'facebookConversations'
  | 'facebookSessionConversations'
  | 'tweetConversations'
  | 'deviceStates'
  | 'serviceStates'
  | 'workbinContents'
  | 'syncedTopic'
>;

/** What the harness uses of `gws-rx/sim`. */
export type SimLib = Pick<typeof SimEntry, 'startSimulator' | 'generateShift'>;

/** A conversation's state as far as the truth goes: its resource and, for indexed media, its transcript. */
interface ConversationLike {
  readonly resource: unknown;
  readonly transcript: { toArray(): readonly unknown[] };
}

/** The conversation kinds, by their snapshot list. */
const conversationLists = [
  'chats',
  'calls',
  'emails',
  'workitems',
  'imSessions',
  'openmedia',
  'facebook',
  'facebooksessions',
  'tweets',
] as const;
type ConversationList = (typeof conversationLists)[number];

/** A side's state, normalized: plain records keyed by id, comparable with a deep equality. */
export interface Truth {
  /** Live conversations by list, then id: the resource and (indexed media only) the transcript entries. */
  readonly conversations: Readonly<
    Record<ConversationList, Readonly<Record<string, { readonly resource: unknown; readonly transcript?: unknown }>>>
  >;
  readonly devices: Readonly<Record<string, unknown>>;
  readonly services: Readonly<Record<string, unknown>>;
  /** Workbin id → item id → item; empty workbins are left out (a workbin with no items holds nothing to compare). */
  readonly workbins: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The latest states a watched client shows. */
export interface ClientView {
  readonly conversations: Record<ConversationList, ReadonlyMap<string, ConversationLike>>;
  devices: ReadonlyMap<string, unknown>;
  services: ReadonlyMap<string, unknown>;
  workbins: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
}

/** A watched client: its latest states, and what went wrong in the streams (must stay empty). */
export interface Watch {
  readonly view: ClientView;
  readonly errors: unknown[];
  readonly completed: string[];
  stop(): void;
}

/** Indexed transcripts are compared; IM sessions (arrival order, no index) are not: a state read carries none. */
const indexed: ReadonlySet<ConversationList> = new Set(['chats', 'facebooksessions']);

/**
 * Subscribes to `syncedTopic(client, topic)` for every topic, each piped into its state operator (conversations
 * through `liveConversations`), and keeps the latest value of each.
 */
export function watchClient(lib: RecoveryLib, client: GwsClient): Watch {
  const empty = new Map<string, never>();
  const view: ClientView = {
    conversations: Object.fromEntries(
      conversationLists.map((l) => [l, empty]),
    ) as unknown as ClientView['conversations'],
    devices: empty,
    services: empty,
    workbins: empty,
  };
  const errors: unknown[] = [];
  const completed: string[] = [];
  const subs: Subscription[] = [];
  const watch = <T extends TopicName, V>(
    topic: T,
    op: OperatorFunction<TopicMap[T] | ResyncOf<T>, V>,
    set: (v: V) => void,
  ) =>
    subs.push(
      lib
        .syncedTopic(client, topic)
        .pipe(op)
        .subscribe({
          next: set,
          error: (e: unknown) => errors.push(e),
          complete: () => completed.push(topic),
        }),
    );
  const live = <T extends TopicName, S extends ConversationLike>(
    topic: T,
    list: ConversationList,
    operator: OperatorFunction<TopicMap[T] | ResyncOf<T>, Conversation<S>>,
  ) =>
    watch(
      topic,
      (source: Observable<TopicMap[T] | ResyncOf<T>>) => source.pipe(operator, lib.liveConversations()),
      (m: ReadonlyMap<string, S>) => (view.conversations[list] = m),
    );
  live('/v2/me/chats', 'chats', lib.chatConversations());
  live('/v2/me/calls', 'calls', lib.callConversations());
  live('/v2/me/emails', 'emails', lib.emailConversations());
  live('/v2/me/workitems', 'workitems', lib.workitemConversations());
  live('/v2/me/im-sessions', 'imSessions', lib.imSessionConversations());
  live('/v2/me/openmedia', 'openmedia', lib.openmediaConversations());
  live('/v2/me/facebook', 'facebook', lib.facebookConversations());
  live('/v2/me/facebooksession', 'facebooksessions', lib.facebookSessionConversations());
  live('/v2/me/twitter', 'tweets', lib.tweetConversations());
  watch('/v2/me/devices', lib.deviceStates(), (m) => (view.devices = m));
  watch('/notifications/services', lib.serviceStates(), (m) => (view.services = m));
  watch('/v2/me/workbins', lib.workbinContents(), (m) => (view.workbins = m));
  return {
    view,
    errors,
    completed,
    stop: () => {
      for (const s of subs) s.unsubscribe();
    },
  };
}

const record = <V, W>(m: ReadonlyMap<string, V>, f: (v: V) => W): Record<string, W> => {
  const out: Record<string, W> = {};
  for (const [k, v] of m) out[k] = f(v);
  return out;
};

/** The client's state, normalized. */
export function clientTruth(view: ClientView): Truth {
  const conversations = Object.fromEntries(
    conversationLists.map((list) => [
      list,
      record(view.conversations[list], (s) =>
        indexed.has(list) ? { resource: s.resource, transcript: s.transcript.toArray() } : { resource: s.resource },
      ),
    ]),
  ) as Truth['conversations'];
  const workbins: Record<string, Record<string, unknown>> = {};
  for (const [id, items] of view.workbins) if (items.size > 0) workbins[id] = record(items, (i) => i);
  return {
    conversations,
    devices: record(view.devices, (d) => d),
    services: record(view.services, (s) => s),
    workbins,
  };
}

/** Decodes `u` with the codec the client uses (so both sides are normalized alike); undecodable: left raw. */
const decoded = (codec: { decode(u: unknown): { _tag: string; right?: unknown } }, u: unknown): unknown => {
  const r = codec.decode(u);
  return r._tag === 'Right' ? r.right : u;
};

/** The simulator's state (its snapshot), normalized the way the client decodes it. */
export function simTruth(lib: RecoveryLib, sim: Pick<GwsSimulator, 'snapshot'>): Truth {
  const snap = sim.snapshot() as unknown as Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  const codecOf = new Map<string, { decode(u: unknown): { _tag: string; right?: unknown } }>(
    Object.values(lib.mediaKinds).flatMap((k) =>
      'snapshotList' in k && typeof k.snapshotList === 'string' ? [[k.snapshotList, k.resource] as const] : [],
    ),
  );
  const byId = (list: string, f: (r: Readonly<Record<string, unknown>>) => unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const r of snap[list] ?? []) out[String(r.id)] = f(r);
    return out;
  };
  const resource = (list: string) => (r: Readonly<Record<string, unknown>>) => {
    const { messages: _transcript, ...rest } = r;
    const codec = codecOf.get(list);
    return codec ? decoded(codec, list === 'chats' ? rest : r) : r;
  };
  const conversations = Object.fromEntries(
    conversationLists.map((list) => [
      list,
      byId(list, (r) =>
        indexed.has(list)
          ? {
              resource: resource(list)(r),
              transcript: (Array.isArray(r.messages) ? (r.messages as readonly unknown[]) : []).map((m) =>
                decoded(lib.TranscriptMessage, m),
              ),
            }
          : { resource: resource(list)(r) },
      ),
    ]),
  ) as Truth['conversations'];
  const workbins: Record<string, Record<string, unknown>> = {};
  for (const bin of snap.workbins ?? []) {
    const items = Array.isArray(bin.items) ? (bin.items as readonly Readonly<Record<string, unknown>>[]) : [];
    if (items.length === 0) continue;
    const out: Record<string, unknown> = {};
    for (const item of items) out[String(item.id)] = decoded(lib.WorkbinItem, item);
    workbins[String(bin.id)] = out;
  }
  return {
    conversations,
    devices: byId('devices', resource('devices')),
    services: byId('services', resource('services')),
    workbins,
  };
}

/**
 * JSON with every object's keys sorted: equal strings mean equal data, whatever the key order and whichever realm
 * built the objects (a state read is parsed by `fetch` outside Jest's sandbox, so prototypes differ there).
 */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_key, x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
const isDeepStrictEqual = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

const indices = (t: unknown): string =>
  Array.isArray(t)
    ? (t as readonly { index?: unknown }[]).map((m) => String(m.index)).join(',') || 'none'
    : 'not a list';

/** Where `client` differs from `truth`, one line each (empty when they are equal). */
export function divergences(client: Truth, truth: Truth): string[] {
  const out: string[] = [];
  const compare = (
    where: string,
    a: Readonly<Record<string, unknown>>,
    b: Readonly<Record<string, unknown>>,
    detail: (x: unknown, y: unknown) => string | undefined,
  ): void => {
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(id in b)) out.push(`${where}/${id}: the client has it, the simulator does not`);
      else if (!(id in a)) out.push(`${where}/${id}: missing in the client`);
      else {
        const d = detail(a[id], b[id]);
        if (d !== undefined) out.push(`${where}/${id}: ${d}`);
      }
    }
  };
  const same = (what: string) => (x: unknown, y: unknown) =>
    isDeepStrictEqual(x, y)
      ? undefined
      : `${what} differs: client ${JSON.stringify(x)}, simulator ${JSON.stringify(y)}`;
  for (const list of conversationLists)
    compare(list, client.conversations[list], truth.conversations[list], (x, y) => {
      const a = x as { resource: unknown; transcript?: unknown };
      const b = y as { resource: unknown; transcript?: unknown };
      if (!isDeepStrictEqual(a.resource, b.resource)) return same('resource')(a.resource, b.resource);
      if (!isDeepStrictEqual(a.transcript, b.transcript))
        return `transcript differs: client indices ${indices(a.transcript)}, simulator ${indices(b.transcript)}`;
      return undefined;
    });
  compare('devices', client.devices, truth.devices, same('device'));
  compare('services', client.services, truth.services, same('service'));
  const items = (t: Truth): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(t.workbins).flatMap(([bin, byItem]) =>
        Object.entries(byItem).map(([item, v]) => [`${bin}/${item}`, v]),
      ),
    );
  compare('workbins', items(client), items(truth), same('item'));
  return out;
}
