// Snapshot seeding for the CLI: read GET /api/v2/me?subresources=* when the client connects and after every
// reconnect, turn its resources into decoded state-change notifications, and merge them into the topic streams
// without letting an older snapshot override a newer notification.
import { Observable, concat, defer, distinctUntilChanged, filter, from, map, of, catchError, switchMap } from 'rxjs';
import { either } from 'fp-ts';
import type { ConnectionState } from '../client/connection';
import type { HeaderMap } from '../client/options';
import { redactUrl } from '../client/options';
import { GwsHttpError } from '../client/httpError';
import { isRecord } from '../protocol/canonical';
import { decodeData } from '../protocol/decode';
import type { DecodeFailure, Notification } from '../protocol/decode';
import type { TopicMap, TopicName } from '../protocol/topics';
import { mediaKinds } from '../protocol/media';
import type { MediaKind } from '../protocol/media';

/** Where the resources of one snapshot list go: the topic, the message type, and the key of the resource. */
interface Route {
  readonly list: string;
  readonly channel: TopicName;
  readonly messageType: string;
  readonly key: string;
  /** The message holds a list of resources (devices). */
  readonly many: boolean;
  /** States that end a conversation; none for keyed state (devices, services). */
  readonly ended: ReadonlySet<string>;
  /** State written into the synthetic end of a conversation the snapshot no longer lists; none for keyed state. */
  readonly end?: string;
}

// One route per media kind that GET /api/v2/me?subresources=* lists, from the registry.
const routes: readonly Route[] = (Object.values(mediaKinds) as readonly MediaKind<TopicName>[]).flatMap(
  (kind): Route[] =>
    kind.snapshotList === undefined
      ? []
      : [
          {
            list: kind.snapshotList,
            channel: kind.channel,
            messageType: kind.stateMessage,
            key: kind.resourceKey,
            many: kind.many === true,
            ended: new Set(kind.endStates ?? []),
            ...(kind.endStates === undefined ? {} : { end: kind.endStates[0] }),
          },
        ],
);

/** Why a snapshot could not be read: a {@link GwsHttpError} whose `request` is `'snapshot'`; one line, never a header value. */
const snapshotError = (message: string, httpStatus: number | undefined): GwsHttpError =>
  new GwsHttpError(message, httpStatus, 'snapshot');

const SNAPSHOT_PATH = '/api/v2/me?subresources=*';

/**
 * Reads `GET <base>/api/v2/me?subresources=*` with `headers` (the session cookie and CSRF header of `gwsLogin`) and
 * returns its `user` object. A request without an answer within `timeoutMs` is abandoned.
 * @throws {@link GwsHttpError} when the server is unreachable or silent, answers an error status, or sends no user
 * object.
 */
export async function readSnapshot(
  baseUrl: string,
  headers: HeaderMap,
  doFetch: typeof fetch = globalThis.fetch,
  timeoutMs = 15_000,
): Promise<Readonly<Record<string, unknown>>> {
  const base = baseUrl.trim().replace(/\/+$/, '');
  const where = `${redactUrl(base)}${SNAPSHOT_PATH}`;
  let res: Response;
  try {
    res = await doFetch(`${base}${SNAPSHOT_PATH}`, {
      method: 'GET',
      headers: { ...headers, Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    if (isRecord(e) && e.name === 'TimeoutError')
      throw snapshotError(`GET ${where} got no answer within ${timeoutMs} ms`, undefined);
    // Structural checks: fetch's errors may come from another realm (e.g. under Jest), where instanceof fails.
    const cause = isRecord(e) && isRecord(e.cause) ? e.cause : e;
    const code = isRecord(cause) && typeof cause.code === 'string' ? cause.code : undefined;
    throw snapshotError(`cannot reach ${where}: ${code ?? 'network error'}`, undefined);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw snapshotError(`GET ${where} answered HTTP ${res.status}`, res.status);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw snapshotError(`GET ${where} answered something that is not JSON`, res.status);
  }
  const user = isRecord(body) ? body.user : undefined;
  if (!isRecord(user)) throw snapshotError(`GET ${where} answered JSON without a "user" object`, res.status);
  return user;
}

/** The resources of a snapshot as decoded notifications, and the resources that did not decode. */
export interface SnapshotNotifications {
  readonly notifications: readonly Notification[];
  readonly failures: readonly DecodeFailure[];
}

/** A raw message as the snapshot stands for it: marked, so a decode failure shows where it came from. */
const decodeAs = (channel: TopicName, data: Readonly<Record<string, unknown>>) =>
  decodeData(channel, data, { channel, data, snapshot: true });

// Conversation state changes carry `notificationType: StatusChange`; device and service messages carry none.
const wrap = (route: Route, resource: unknown): Readonly<Record<string, unknown>> =>
  route.many
    ? { messageType: route.messageType, [route.key]: [resource] }
    : route.end === undefined
      ? { messageType: route.messageType, [route.key]: resource }
      : { messageType: route.messageType, notificationType: 'StatusChange', [route.key]: resource };

/**
 * Turns the `user` object of a snapshot into one state-change notification per resource (a device per
 * `DeviceStateChangeMessage`), decoded with the topic codecs, for the topics in `topics` only.
 */
export function snapshotNotifications(
  user: Readonly<Record<string, unknown>>,
  topics: ReadonlySet<string>,
): SnapshotNotifications {
  const notifications: Notification[] = [];
  const failures: DecodeFailure[] = [];
  for (const route of routes) {
    if (!topics.has(route.channel)) continue;
    const list = Object.prototype.hasOwnProperty.call(user, route.list) ? user[route.list] : undefined;
    if (!Array.isArray(list)) continue;
    for (const resource of list) {
      const decoded = decodeAs(route.channel, wrap(route, resource));
      if (either.isLeft(decoded)) failures.push(decoded.left);
      else notifications.push({ channel: route.channel, data: decoded.right } as Notification);
    }
  }
  return { notifications, failures };
}

/**
 * Emits the connection state each time a snapshot should be read: when the client becomes connected after any
 * other status (the first connect, every `reconnecting → connected`), and when a new session (clientId) replaces a
 * connected one.
 */
export function resyncPoints(connection$: Observable<ConnectionState>): Observable<ConnectionState> {
  return connection$.pipe(
    distinctUntilChanged(
      (a, b) =>
        a.status === b.status && (a.status !== 'connected' || b.status !== 'connected' || a.clientId === b.clientId),
    ),
    filter((s) => s.status === 'connected'),
  );
}

/** What the snapshot feed says: a request started, its decoded resources arrived, or it failed (one line). */
export type SnapshotEvent =
  | { readonly type: 'requested' }
  | ({ readonly type: 'loaded' } & SnapshotNotifications)
  | { readonly type: 'failed'; readonly message: string };

/**
 * Reads a snapshot at every resync point of `connection$` (a newer one cancels a request still running) and decodes
 * it for `topics`. A failed read becomes a `failed` event, never an error of the stream.
 */
export function snapshotFeed(
  connection$: Observable<ConnectionState>,
  load: () => Promise<Readonly<Record<string, unknown>>>,
  topics: ReadonlySet<string>,
): Observable<SnapshotEvent> {
  return resyncPoints(connection$).pipe(
    switchMap(() =>
      concat(
        of<SnapshotEvent>({ type: 'requested' }),
        defer(() => from(load())).pipe(
          map((user): SnapshotEvent => ({ type: 'loaded', ...snapshotNotifications(user, topics) })),
          catchError((e: unknown) =>
            of<SnapshotEvent>({
              type: 'failed',
              message: `snapshot not read: ${(isRecord(e) && typeof e.message === 'string' ? e.message : String(e)).split('\n')[0] ?? ''}`,
            }),
          ),
        ),
      ),
    ),
  );
}

/** Ids and states of the resources a notification carries (none for transcript updates and errors). */
const resourcesOf = (route: Route, data: unknown): { readonly id: string; readonly state: string }[] => {
  if (!isRecord(data)) return [];
  const value = data[route.key];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const out: { id: string; state: string }[] = [];
  for (const r of list) {
    if (isRecord(r) && typeof r.id === 'string')
      out.push({ id: r.id, state: typeof r.state === 'string' ? r.state.trim() : '' });
  }
  return out;
};

/**
 * Merges the snapshots of `feed$` into the live notifications of one topic, as state changes (the README's
 * `resync$` pattern), with two corrections:
 * - a snapshot resource is skipped when a live notification about the same id arrived while the snapshot was being
 *   read (the live one is newer);
 * - a conversation seen live but absent from the snapshot (it ended while the client was away) gets a synthetic
 *   end state change, so it does not linger in the view.
 */
export function withSnapshots<K extends TopicName>(
  channel: K,
  live$: Observable<TopicMap[K]>,
  feed$: Observable<SnapshotEvent>,
): Observable<TopicMap[K]> {
  const route = routes.find((r) => r.channel === channel);
  if (route === undefined) return live$;
  return new Observable<TopicMap[K]>((subscriber) => {
    let touched: Set<string> | undefined;
    const open = new Set<string>();
    const note = (data: unknown): void => {
      for (const { id, state } of resourcesOf(route, data)) {
        touched?.add(id);
        if (route.end === undefined) continue;
        if (route.ended.has(state)) open.delete(id);
        else open.add(id);
      }
    };
    const emit = (data: TopicMap[K]): void => {
      note(data);
      subscriber.next(data);
    };
    const feed = feed$.subscribe((e) => {
      if (e.type === 'requested') {
        touched = new Set();
        return;
      }
      const newer = touched ?? new Set<string>();
      touched = undefined;
      if (e.type !== 'loaded') return;
      const listed = new Set<string>();
      for (const n of e.notifications) {
        if (n.channel !== channel) continue;
        const ids = resourcesOf(route, n.data).map((r) => r.id);
        for (const id of ids) listed.add(id);
        if (!ids.some((id) => newer.has(id))) emit(n.data as TopicMap[K]);
      }
      if (route.end === undefined) return;
      for (const id of [...open]) {
        if (listed.has(id) || newer.has(id)) continue;
        open.delete(id);
        const ended = decodeAs(channel, wrap(route, { id, state: route.end }));
        if (either.isRight(ended)) subscriber.next(ended.right as TopicMap[K]);
      }
    });
    const live = live$.subscribe({
      next: emit,
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    return () => {
      live.unsubscribe();
      feed.unsubscribe();
    };
  });
}

/**
 * Loads snapshots with the session the client uses: the headers of the latest login (logging in when there is
 * none), and once more with a fresh login when the server answers 401 or 403 (the session expired).
 */
export function snapshotLoader(
  baseUrl: string,
  session: () => HeaderMap | undefined,
  login: () => Promise<HeaderMap>,
  doFetch: typeof fetch = globalThis.fetch,
): () => Promise<Readonly<Record<string, unknown>>> {
  return async () => {
    try {
      return await readSnapshot(baseUrl, session() ?? (await login()), doFetch);
    } catch (e) {
      if (!(e instanceof GwsHttpError) || (e.httpStatus !== 401 && e.httpStatus !== 403)) throw e;
      return readSnapshot(baseUrl, await login(), doFetch);
    }
  };
}
