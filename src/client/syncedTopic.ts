// A topic's notifications with the client's state reads merged in as Resync events, decided per resource against
// what arrived live since each read was requested (live wins). Decoding a read happens once per read and channel,
// in the check the client runs before it accepts the read: a read with an undecodable resource is a failed read.
import { Observable } from 'rxjs';
import type * as t from 'io-ts';
import { hasOwn, isRecord } from '../protocol/canonical';
import { TranscriptMessage } from '../protocol/common';
import type { DecodeFailure } from '../protocol/decode';
import { describeErrors } from '../protocol/report';
import { mediaKinds } from '../protocol/media';
import type { MediaKind } from '../protocol/media';
import { WORKBINS_LIST, Workbin } from '../protocol/resync';
import type { Resync, ResyncOf } from '../protocol/resync';
import type { TopicMap, TopicName } from '../protocol/topics';
import type { GwsClient } from './createGwsClientWith';
import type { ReadCheck } from './recovery';

type Data = Readonly<Record<string, unknown>>;
type Identified = { readonly id: string };

/** How a state read lists one topic's resources, and how its notifications name them. */
interface Route {
  /** The list of the user object. */
  readonly list: string;
  /** The codec of one entry of the list. */
  readonly codec: t.Decoder<unknown, Identified>;
  /** Indexed transcripts: each listed entry may carry `messages`. */
  readonly transcript: boolean;
  /** The message that carries resources, and where (workbins: the workbin `id`). */
  readonly stateMessage: string;
  readonly key: string;
  /** Conversation kinds: the states that end one. */
  readonly endStates?: readonly string[];
}

const routeOf = (name: TopicName): Route | undefined => {
  const kind = (Object.values(mediaKinds) as readonly MediaKind[]).find((k) => k.channel === name);
  if (kind === undefined) return undefined;
  if (kind === mediaKinds.workbin)
    return { list: WORKBINS_LIST, codec: Workbin, transcript: false, stateMessage: kind.stateMessage, key: 'id' };
  if (kind.snapshotList === undefined) return undefined;
  return {
    list: kind.snapshotList,
    codec: kind.resource as t.Decoder<unknown, Identified>,
    transcript: kind.transcript?.order === 'indexed',
    stateMessage: kind.stateMessage,
    key: kind.resourceKey,
    endStates: kind.endStates,
  };
};

/** One read's list for one channel, decoded: the resources, their transcript entries, or what failed. */
interface Decoded {
  readonly resources: readonly Identified[];
  readonly messages: Readonly<Record<string, readonly unknown[]>>;
  readonly failures: readonly DecodeFailure[];
  /** The read says nothing about this topic (its list is absent). */
  readonly silent: boolean;
}

// Decoded once per read (the `user` object) and channel, however many syncedTopic subscribers read it.
const decodedReads = new WeakMap<object, Map<string, Decoded>>();

function decodeList(user: Data, channel: TopicName, route: Route): Decoded {
  const resources: Identified[] = [];
  const messages: [string, readonly unknown[]][] = [];
  const failures: DecodeFailure[] = [];
  const list = hasOwn(user, route.list) ? user[route.list] : undefined;
  const fail = (raw: unknown, errors: readonly string[]): void => {
    failures.push({ reason: 'invalid-payload', channel, messageType: undefined, raw, errors });
  };
  if (list === undefined) return { resources, messages: {}, failures, silent: true };
  if (!Array.isArray(list)) fail(list, [`user.${route.list}: expected an array`]);
  else
    list.forEach((raw: unknown, i) => {
      const path = `user.${route.list}[${i}]`;
      let entry = raw;
      let log: unknown;
      if (route.transcript && isRecord(raw) && hasOwn(raw, 'messages')) {
        const { messages: carried, ...rest } = raw;
        entry = rest;
        log = carried;
      }
      const decoded = route.codec.decode(entry);
      if (decoded._tag === 'Left') return fail(raw, describeErrors(decoded.left, path));
      resources.push(decoded.right);
      if (log === undefined) return;
      if (!Array.isArray(log)) return fail(raw, [`${path}.messages: expected an array`]);
      const entries: unknown[] = [];
      log.forEach((m: unknown, j) => {
        const d = TranscriptMessage.decode(m);
        if (d._tag === 'Left') fail(raw, describeErrors(d.left, `${path}.messages[${j}]`));
        else entries.push(d.right);
      });
      messages.push([decoded.right.id, entries]);
    });
  // fromEntries defines own properties: an id such as `__proto__` stays a key.
  return { resources, messages: Object.fromEntries(messages), failures, silent: false };
}

/** The decoded list of `channel` in a read, decoding it the first time; `fresh` when this call decoded it. */
function decodedRead(user: Data, channel: TopicName, route: Route): { decoded: Decoded; fresh: boolean } {
  let byChannel = decodedReads.get(user);
  if (!byChannel) decodedReads.set(user, (byChannel = new Map()));
  const known = byChannel.get(channel);
  if (known) return { decoded: known, fresh: false };
  const decoded = decodeList(user, channel, route);
  byChannel.set(channel, decoded);
  return { decoded, fresh: true };
}

/** The ids of the resources a notification carries (state messages only), with their trimmed states. */
const carried = (route: Route, data: Data): readonly { readonly id: string; readonly state: string }[] => {
  if (data.messageType !== route.stateMessage) return [];
  const value = data[route.key];
  const out: { id: string; state: string }[] = [];
  for (const r of Array.isArray(value) ? (value as unknown[]) : [route.key === 'id' ? data : value]) {
    if (isRecord(r) && typeof r.id === 'string')
      out.push({ id: r.id, state: typeof r.state === 'string' ? r.state.trim() : '' });
  }
  return out;
};

/**
 * A topic of `client` with its state reads merged in: the topic's notifications in arrival order and, after every
 * read of `GET /api/v2/me?subresources=*` that covers the channel, one {@link Resync} that every state operator
 * folds (`chatConversations`, `deviceStates`, `workbinContents`, …). Like `merge(client.topic(name), reads)` where
 * each read is decided per resource: a resource a live notification carried after the read was requested is newer
 * than the read and keeps its live state; ids this stream knew to be live that the read no longer lists are
 * `removed` (the conversation ends; the Map entry leaves); transcript entries the read carries (`messages` on each
 * chat) are merged by index. Subscribing asks the client for a fresh read covering the channel, so a late subscriber
 * gets state too; readiness is `client.sync$` (`synced`). A read with a resource that does not decode reports it on
 * `client.decodeFailures$` (raw payload, path such as `user.chats[2].state`) and counts as failed: `sync$` shows
 * `failed` and the client reads again with backoff; nothing is removed on its word.
 *
 * ```text
 * reads:   ----q--------L-------     q = read requested, L = loaded: lists c1 (Chatting), c2; not c0
 * topic:   -a------b-----------      a = c0 Chatting, b = c1 Completed (after q: live wins for c1)
 * output:  -a------b----R-------     R = Resync { resources: [c2], removed: [c0] }
 * ```
 *
 * Without recovery (option `recovery: false`, a client that cannot read state) it is the topic alone.
 *
 * @example
 * ```ts
 * import { chatConversations, createGwsClient, liveConversations, syncedTopic } from 'gws-rx';
 * const client = createGwsClient({ url: 'https://gws.example.com', headers: session.headers });
 * syncedTopic(client, '/v2/me/chats')
 *   .pipe(chatConversations(), liveConversations())
 *   .subscribe((chats) => render([...chats.values()]));
 * client.sync$?.subscribe((s) => (banner.hidden = s.status === 'synced'));
 * ```
 * @see {@link chatConversations}, {@link GwsClient.sync$}
 */
export function syncedTopic<T extends TopicName>(client: GwsClient, name: T): Observable<TopicMap[T] | ResyncOf<T>> {
  const route = routeOf(name);
  const topic = client.topic(name);
  if (route === undefined) return topic;
  const ends = route.endStates;
  return new Observable<TopicMap[T] | ResyncOf<T>>((subscriber) => {
    /** Ids this stream knows to be live: seen in notifications or listed by a read, minus those seen ending. */
    const known = new Set<string>();
    /** The read whose marker this stream saw, and the ids live notifications touched since. */
    let pending: { readonly read: number; readonly touched: Set<string> } | undefined;

    const check: ReadCheck = (user, channels, failures) => {
      if (!channels.includes(name)) return undefined;
      const { decoded, fresh } = decodedRead(user, name, route);
      const first = decoded.failures[0];
      if (first === undefined) return undefined;
      if (fresh) for (const f of decoded.failures) failures.next(f);
      const where = first.errors[0]?.split(':')[0] ?? `user.${route.list}`;
      const more = decoded.failures.length > 1 ? ` (and ${decoded.failures.length - 1} more)` : '';
      return `undecodable resource at ${where}${more}`;
    };

    const reads = client.snapshots$?.subscribe((e) => {
      if (!e.channels.includes(name)) return;
      if (e.type === 'requested') {
        pending = { read: e.read, touched: new Set() };
        return;
      }
      if (pending?.read !== e.read) return; // a read this stream did not see requested: the demanded one follows
      const { touched } = pending;
      pending = undefined;
      const { decoded } = decodedRead(e.user, name, route);
      // A read that failed its check never loads; a stand-in client has none, and then nothing is decided either.
      if (decoded.silent || decoded.failures.length > 0) return;
      const listed = new Set(decoded.resources.map((r) => r.id));
      const resources = decoded.resources.filter((r) => !touched.has(r.id));
      const removed = [...known].filter((id) => !listed.has(id) && !touched.has(id));
      for (const id of removed) known.delete(id);
      for (const r of resources) {
        const state = (r as { readonly state?: unknown }).state;
        if (!ends?.includes(typeof state === 'string' ? state.trim() : '')) known.add(r.id);
      }
      const resync: Resync<Identified, unknown> = { messageType: 'Resync', read: e.read, resources, removed };
      subscriber.next(
        (Object.keys(decoded.messages).length > 0 ? { ...resync, messages: decoded.messages } : resync) as ResyncOf<T>,
      );
    });
    const live = topic.subscribe({
      next: (n) => {
        for (const { id, state } of carried(route, n as unknown as Data)) {
          pending?.touched.add(id);
          if (ends?.includes(state)) known.delete(id);
          else known.add(id);
        }
        subscriber.next(n);
      },
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    const stop = client.resync?.(check);
    return () => {
      stop?.();
      live.unsubscribe();
      reads?.unsubscribe();
    };
  });
}
