import { BehaviorSubject, Observable, Subject } from 'rxjs';
import type { DecodeFailure } from '../protocol/decode';
import { isTopicName } from '../protocol/topics';
import type { TopicMap, TopicName } from '../protocol/topics';
import type { ConnectionState } from './connection';
import { Entries, deliver } from './entries';
import type { Entry } from './entries';
import type { Fanout } from '../rx/fanout';
import { RequestHeaders, cometdConfiguration } from './headers';
import { isRecord } from '../protocol/canonical';
import { NOTIFICATIONS_PATH, resolveOptions } from './options';
import type { GwsClientOptions } from './options';
import type { CometDHandle, CometDPort } from './port';
import { createScrubber } from './scrubber';
import { initialRecovery, recover } from './recovery';
import type { ReadCheck, RecoveryEvent, SnapshotEvent, SnapshotRequested, StateSnapshot, SyncState } from './recovery';
import { closedOrClosing, initialSession, transition } from './session';
import type {
  Effect,
  SessionConfig,
  SessionEvent,
  SessionState,
  SubscribeFailure,
  SubscriptionsState,
} from './session';

export type { SubscribeFailure } from './session';
export type { SnapshotEvent, SnapshotRequested, StateSnapshot, SyncState } from './recovery';

/**
 * Thrown by a CometD factory to say that no CometD can exist here (e.g. the browser entry with no `window`). The
 * client ends in `failed` with this error's message as the reason, as is; any other error a factory throws is
 * reported as `cometd could not be created: <message>`.
 * @internal
 */
export class CometDUnavailable extends Error {
  override readonly name = 'CometDUnavailable';
}

/** The message of anything thrown, on one line (stack-like continuation lines are joined). */
function messageOf(e: unknown): string {
  let text: string;
  try {
    text = e instanceof Error ? e.message : String(e);
  } catch {
    text = '';
  }
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim() || 'unknown error';
}

/**
 * A GWS notification client: cold topic Observables over one CometD session.
 *
 * @example
 * ```ts
 * import { createGwsClient } from 'gws-rx/node';
 * const client = createGwsClient({ url: 'http://127.0.0.1:8090', credentials: { username: 'agent1', password } });
 * const sub = client.topic('/v2/me/chats').subscribe((n) => console.log(n.messageType));
 * client.decodeFailures$.subscribe((f) => console.warn(f.channel, f.errors));
 * // …later
 * sub.unsubscribe();
 * await client.close();
 * ```
 */
export interface GwsClient {
  /** The session's state; replays the latest value to each subscriber and completes after `close()`. */
  readonly connection$: Observable<ConnectionState>;
  /** Every payload that failed to decode, on any topic with a decoding subscriber. Hot; completes on `close()`. */
  readonly decodeFailures$: Observable<DecodeFailure>;
  /** Subscriptions the server refused. Hot; completes on `close()`. */
  readonly subscribeFailures$: Observable<SubscribeFailure>;
  /**
   * Which channel subscriptions the current CometD session requested and which the server acknowledged (see
   * `SubscriptionsState`); emits whenever that changes. Hot: subscribing to it starts nothing; it replays the
   * latest value to each subscriber and completes on `close()`. Always present on a client `createGwsClient` made;
   * optional in this interface only so that hand-written stand-ins for a client need not provide it.
   *
   * @example
   * ```ts
   * client.subscriptions$?.subscribe((s) => {
   *   if (s.pending.length === 0 && s.acknowledged.length > 0) console.log(`session ${s.session}: all acknowledged`);
   * });
   * ```
   * @internal
   */
  readonly subscriptions$?: Observable<SubscriptionsState>;
  /**
   * Whether the client has read the server's state since its current CometD session subscribed (see
   * {@link SyncState}): after the subscriptions of every session are acknowledged, and after a channel added later
   * is acknowledged, the client reads `GET <base>/api/v2/me?subresources=*` (option `recovery`). "Subscribed and
   * synced" is `status === 'synced'`. A failed read never errors: it shows `failed` and is retried with backoff.
   * Replays the latest value; completes on `close()`. Always present on a client `createGwsClient` made; optional
   * in this interface only so that hand-written stand-ins for a client need not provide it.
   *
   * @example
   * ```ts
   * client.sync$?.subscribe((s) => {
   *   if (s.status === 'failed') console.warn(`state not read (${s.reason}); again in ${s.retryInMs} ms`);
   * });
   * ```
   */
  readonly sync$?: Observable<SyncState>;
  /**
   * The state reads: for each read a `requested` marker when it is sent, then, if it succeeds, the `loaded`
   * snapshot with the raw `user` object of `GET /api/v2/me?subresources=*` (see {@link SnapshotEvent}). Live
   * notifications that arrive between the two may be older or newer than the snapshot. Hot: subscribing starts
   * nothing and replays nothing; completes on `close()`. `syncedTopic` merges it into operator state. Optional in
   * this interface for the same reason as `sync$`.
   *
   * @example
   * ```ts
   * client.snapshots$?.subscribe((e) => {
   *   if (e.type === 'loaded') console.log(`read ${e.read}: ${Array.isArray(e.user.chats) ? e.user.chats.length : 0} chats`);
   * });
   * ```
   */
  readonly snapshots$?: Observable<SnapshotEvent>;
  /**
   * Sends one HTTP request to the GWS base (`<base><path>`, `path` starting with `/api/v2/`) with the headers the
   * state read sends — the options' `headers`, the headerProvider's, Basic `Authorization` when `credentials` are
   * set — plus JSON `Accept` and `Content-Type`, and `credentials: 'include'` so that a browser sends its cookies.
   * `init` gives the method, the (JSON) body and an abort signal; its headers are ignored. Uses `recovery.fetch` when
   * given, else the global `fetch`. No retry, no decoding: the operations (`chatOperation`, …) do that. Optional in
   * this interface for the same reason as `sync$`.
   *
   * @example
   * ```ts
   * const res = await client.request?.('/api/v2/me/chats/c1', {
   *   method: 'POST',
   *   body: JSON.stringify({ operationName: 'Complete' }),
   * });
   * ```
   * @internal
   */
  readonly request?: (path: string, init?: RequestInit) => Promise<Response>;
  /**
   * The decoded notifications of one GWS topic. Cold and shared: the first subscriber causes one Bayeux subscribe,
   * later ones share it, the last unsubscribe sends `/meta/unsubscribe`. Survives re-handshakes (the client
   * subscribes again after each one) without erroring or completing; completes on `close()`. Payloads that fail to
   * decode go to `decodeFailures$` instead. The same name always returns the same Observable.
   */
  topic<T extends TopicName>(name: T): Observable<TopicMap[T]>;
  /**
   * For `syncedTopic`: asks for a state read (even if one covered the reader's channel: a new reader needs state) and
   * adds `check` to every later read until the returned function is called.
   * @internal
   */
  readonly resync?: (check: ReadCheck) => () => void;
  /** The undecoded `data` of any channel, with the same sharing and resubscription as {@link GwsClient.topic}. */
  channel(name: string): Observable<unknown>;
  /** Disconnects, then completes every stream. Idempotent. */
  close(): Promise<void>;
}

/**
 * Builds a client over any {@link CometDPort}. The public `createGwsClient` of each entry calls this with the
 * CometD that suits its platform.
 *
 * It is the shell around the session machine (`transition` in session.ts): CometD's callbacks, timers and the
 * client's own calls become events, run one at a time to completion, and the effects each one returns are run here.
 * Messages on subscribed channels do not pass through the machine: they go straight to `deliver` (entries.ts).
 *
 * @example
 * ```ts
 * const client = createGwsClientWith(() => new CometD() as unknown as CometDPort, { url: 'https://gws.example.com' });
 * ```
 * @internal
 */
export function createGwsClientWith(defaultPort: () => CometDPort, options: GwsClientOptions): GwsClient {
  const config = resolveOptions(options);
  const makePort =
    typeof options.cometd === 'function'
      ? options.cometd
      : options.cometd
        ? () => options.cometd as CometDPort
        : defaultPort;
  const headers = new RequestHeaders(options);
  const scrub = createScrubber(options, () => headers.provided);
  // The machine reads its limits from the resolved options (other fields are ignored).
  const machine: SessionConfig = { ...config, headerProvider: headers.hasProvider };

  const state$ = new BehaviorSubject<ConnectionState>({ status: 'idle' });
  const subscriptions$ = new BehaviorSubject<SubscriptionsState>(initialSession.subscriptions);
  const failures$ = new Subject<DecodeFailure>();
  const subscribeFailures$ = new Subject<SubscribeFailure>();
  const sync$ = new BehaviorSubject<SyncState>(initialRecovery.sync);
  const snapshots$ = new Subject<SnapshotEvent>();
  const entries = new Entries(failures$);
  const observables = new Map<string, Observable<unknown>>();
  const checks = new Set<ReadCheck>();

  let session: SessionState = initialSession;
  let port: CometDPort | undefined;
  let listeners: CometDHandle[] = [];
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let closedNow: () => void = () => undefined;
  let recovery = initialRecovery;
  let connectedSession = -1;
  let stopReading = (): void => undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // The state is read from the GWS base of the CometD endpoint; an endpoint elsewhere (a plain Bayeux server) has none.
  const base = config.url.slice(0, -NOTIFICATIONS_PATH.length);
  const rec =
    options.recovery === false || !config.url.endsWith(NOTIFICATIONS_PATH) ? undefined : (options.recovery ?? {});
  const recoveryConfig = {
    backoffIncrement: rec?.backoffIncrement ?? config.backoffIncrement,
    maxBackoff: rec?.maxBackoff ?? config.maxBackoff,
  };
  const closed = new Promise<void>((resolve) => (closedNow = resolve));

  // Events are handled one at a time, to completion: an event raised while effects run (a CometD callback, a
  // subscriber reacting to an emission) waits its turn. A port that throws does not stop the run; the first error
  // is rethrown to whoever raised the first event, as a direct call to the port would have thrown it.
  const queue: (SessionEvent | { readonly recovery: RecoveryEvent })[] = [];
  let running = false;
  const dispatch = (event: SessionEvent | { readonly recovery: RecoveryEvent }): void => {
    queue.push(event);
    if (running) return;
    running = true;
    let thrown: { readonly error: unknown } | undefined;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if ('recovery' in next) {
          recoverStep(next.recovery);
          continue;
        }
        const step = transition(session, next, machine);
        session = step.state;
        for (const effect of step.effects) {
          try {
            run(effect);
          } catch (error) {
            thrown ??= { error };
          }
        }
      }
    } finally {
      running = false;
    }
    if (thrown) throw thrown.error;
  };

  const scrubbed = <S extends object>(s: S): S =>
    'reason' in s ? { ...s, reason: scrub(s.reason as string) } : { ...s };

  // The recovery machine (recovery.ts) runs in the same queue as the session's. Its effects are what changed: a new
  // snapshot is emitted, a new sync state shown (a `failed` one sets the retry timer), a new read sent after the one
  // before it is aborted.
  const recoverWith = (event: RecoveryEvent): void => {
    if (rec) dispatch({ recovery: event });
  };
  const recoverStep = (event: RecoveryEvent): void => {
    const was = recovery;
    const r = (recovery = recover(was, event, recoveryConfig));
    if (r.loaded !== was.loaded) snapshots$.next(r.loaded as StateSnapshot);
    if (r.sync !== was.sync || r.ended) {
      clearTimeout(retryTimer);
      if (r.sync.status === 'failed' && !r.ended)
        retryTimer = setTimeout(() => recoverWith({ type: 'retry' }), r.sync.retryInMs);
      if (r.sync !== was.sync) sync$.next(scrubbed(r.sync));
    }
    if (r.reading !== was.reading) {
      stopReading();
      if (r.reading) read(r.reading);
    }
  };

  // Every HTTP request of the client (the state read, operations): the session's headers, the browser's cookies.
  const send = (path: string, init?: RequestInit): Promise<Response> =>
    (rec?.fetch ?? fetch)(base + path, {
      ...init,
      headers: { ...headers.current(), Accept: JSON_TYPE, 'Content-Type': JSON_TYPE },
      credentials: 'include',
    });

  // Sent as it is: the scrubber removes user info from it on the way out.
  const where = `GET ${base}${STATE_PATH}: `;
  const read = (request: SnapshotRequested): void => {
    const abort = new AbortController();
    const ms = rec?.timeoutMs ?? 15000;
    const failed = (reason: string, httpStatus?: number): RecoveryEvent => ({
      type: 'failed',
      read: request.read,
      reason: where + reason,
      httpStatus,
    });
    // The first of the answer and the timeout counts: the machine ignores what comes for a read no longer in flight.
    const timer = setTimeout(() => recoverWith(failed(`no answer within ${ms} ms`)), ms);
    stopReading = () => {
      clearTimeout(timer);
      abort.abort();
    };
    const load = async (): Promise<RecoveryEvent> => {
      let res: Response;
      try {
        res = await send(STATE_PATH, { signal: abort.signal });
      } catch (e) {
        return failed(messageOf((e as { cause?: unknown } | undefined)?.cause ?? e));
      }
      const status = res.status;
      if (!res.ok) {
        // A rejected session: the headerProvider (if any) logs in again, for the retry and for CometD.
        if (headers.hasProvider && (status === 401 || status === 403))
          run({ type: 'refreshHeaders', forHandshake: false });
        return failed(`HTTP ${status}`, status);
      }
      const user = ((await res.json().catch(() => null)) as { user?: unknown } | null)?.user;
      if (!isRecord(user)) return failed('no JSON "user" object', status);
      for (const check of checks) {
        const bad = check(user, request.channels, failures$);
        if (bad) return failed(bad);
      }
      return { type: 'loaded', read: request.read, user, at: Date.now() };
    };
    snapshots$.next(request);
    void load().then(recoverWith);
  };

  // Runs inside the first subscriber's subscribe: nothing may throw from here into a topic. A CometD that cannot be
  // built or set up (no browser window, a broken factory) is a terminal `failed`; topics stay idle until close().
  const buildPort = (): void => {
    try {
      port = makePort();
    } catch (e) {
      port = undefined;
      return dispatch({
        type: 'portFailed',
        stage: 'create',
        message: messageOf(e),
        unavailable: e instanceof CometDUnavailable,
      });
    }
    try {
      port.unregisterTransport?.('websocket');
      // CometD stops accepting long-polling across origins once one request failed (a 403, a dropped connection), and
      // falls back to JSONP for good: no header (no CSRF), no HTTP status, so every handshake fails unseen. GWS
      // needs long-polling; every browser CometD runs in speaks CORS.
      const lp = port.findTransport?.('long-polling');
      if (lp) lp.accept = () => true;
      listeners = [
        port.addListener('/meta/handshake', (message) => dispatch({ type: 'handshakeReply', message })),
        port.addListener('/meta/connect', (message) => dispatch({ type: 'connectReply', message })),
      ];
    } catch (e) {
      return dispatch({ type: 'portFailed', stage: 'start', message: messageOf(e) });
    }
    dispatch({ type: 'portBuilt' });
  };

  // Configure and handshake: the first throw makes the client `failed`, and no later call reaches that port.
  let broken = false;
  const callPort = (call: (p: CometDPort) => void): void => {
    if (!port || broken) return;
    try {
      call(port);
    } catch (e) {
      broken = true;
      dispatch({ type: 'portFailed', stage: 'start', message: messageOf(e) });
    }
  };

  const subscribe = (p: CometDPort, channels: readonly string[], session: number): void => {
    for (const channel of channels) {
      const entry = entries.get(channel);
      if (!entry) continue;
      entry.handle = p.subscribe(
        channel,
        (m) => deliver(entry, m),
        (message) => dispatch({ type: 'subscribeReply', channel, session, message }),
      );
    }
  };

  const disconnectForClose = (guard: number): void => {
    const p = port;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      dispatch({ type: 'disconnectDone' });
    };
    const timer = setTimeout(finish, guard);
    try {
      if (p) p.disconnect(finish);
      else finish();
    } catch {
      finish();
    }
  };

  const run = (effect: Effect): void => {
    switch (effect.type) {
      case 'buildPort':
        return buildPort();
      case 'refreshHeaders': {
        const { forHandshake } = effect;
        headers.refresh().then(
          () => dispatch({ type: 'headersRefreshed', forHandshake }),
          (e: unknown) => dispatch({ type: 'headerProviderFailed', forHandshake, message: messageOf(e) }),
        );
        return;
      }
      case 'configure':
        return callPort((p) => p.configure(cometdConfiguration(config, headers.current())));
      case 'handshake':
        return callPort((p) => p.handshake());
      case 'subscribe':
        if (port) subscribe(port, effect.channels, effect.session);
        return;
      case 'unsubscribe':
        port?.unsubscribe(effect.handle);
        return;
      case 'disconnect':
        try {
          port?.disconnect();
        } catch {
          // A port that cannot even disconnect is already unusable; the state says so.
        }
        return;
      case 'disconnectForClose':
        return disconnectForClose(effect.guard);
      case 'scheduleRestart':
        clearTimeout(restartTimer);
        restartTimer = setTimeout(() => dispatch({ type: 'restartTimerFired' }), effect.delay);
        return;
      case 'cancelRestart':
        clearTimeout(restartTimer);
        return;
      case 'emit': {
        const s = effect.state;
        const was = state$.value;
        if (s.status === 'failed') recoverWith({ type: 'end' });
        state$.next(scrubbed(s));
        // Back on the same session after a cut: a long-poll answer lost in flight took its notifications along.
        // (The handshake count tells sessions apart: not every server puts the clientId in its connect answers.)
        const session = subscriptions$.value.session;
        if (s.status === 'connected' && was.status === 'reconnecting' && session === connectedSession)
          recoverWith({ type: 'demand' });
        if (s.status === 'connected') connectedSession = session;
        return;
      }
      case 'emitSubscribeFailure':
        return subscribeFailures$.next({ ...effect.failure, reason: scrub(effect.failure.reason) });
      case 'emitSubscriptions':
        subscriptions$.next(effect.subscriptions);
        return recoverWith({ type: 'subscriptions', subscriptions: effect.subscriptions });
      case 'removeListeners':
        if (port) for (const l of listeners) port.removeListener(l);
        return;
      case 'complete':
        entries.completeAll();
        for (const s of [state$, failures$, subscribeFailures$, subscriptions$, sync$, snapshots$]) s.complete();
        return closedNow();
    }
  };

  const isClosed = (): boolean => closedOrClosing(session.phase);

  // The first subscriber of a channel adds it to the session, the last one releases it.
  const stream = <T>(channel: string, pick: (e: Entry) => Fanout<unknown>): Observable<T> =>
    new Observable<T>((subscriber) => {
      if (isClosed()) {
        subscriber.complete();
        return undefined;
      }
      const [entry, created] = entries.acquire(channel);
      if (created) dispatch({ type: 'channelAdded', channel });
      const remove = (pick(entry) as Fanout<T>).add(subscriber);
      return () => {
        remove();
        const handle = entry.handle;
        if (entries.release(entry)) dispatch({ type: 'channelReleased', channel, handle });
      };
    });

  const cached = <T>(key: string, make: () => Observable<T>): Observable<T> => {
    let o = observables.get(key);
    if (!o) {
      o = make() as Observable<unknown>;
      observables.set(key, o);
    }
    return o as Observable<T>;
  };

  const close = (): Promise<void> => {
    if (isClosed()) return Promise.resolve();
    recoverWith({ type: 'end' });
    dispatch({ type: 'closeRequested', portDisconnected: port?.getStatus?.() === 'disconnected' });
    return closed;
  };

  return {
    // Every emitted state is a new object (scrubbed): nothing for a distinctUntilChanged to drop.
    connection$: state$.asObservable(),
    decodeFailures$: failures$.asObservable(),
    subscribeFailures$: subscribeFailures$.asObservable(),
    subscriptions$: subscriptions$.asObservable(),
    sync$: sync$.asObservable(),
    snapshots$: snapshots$.asObservable(),
    request: send,
    topic: <T extends TopicName>(name: T): Observable<TopicMap[T]> => {
      if (!isTopicName(name)) throw new TypeError(`gws-rx: unknown topic ${JSON.stringify(name)}`);
      return cached(`topic:${name}`, () => stream<TopicMap[T]>(name, (e) => e.decoded));
    },
    channel: (name: string): Observable<unknown> =>
      cached(`channel:${name}`, () => stream<unknown>(name, (e) => e.raw)),
    resync: (check) => {
      checks.add(check);
      recoverWith({ type: 'demand' });
      return () => checks.delete(check);
    },
    close,
  };
}

const STATE_PATH = '/api/v2/me?subresources=*';
const JSON_TYPE = 'application/json';
