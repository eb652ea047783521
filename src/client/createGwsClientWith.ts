import { BehaviorSubject, Observable, Subject, distinctUntilChanged } from 'rxjs';
import type { DecodeFailure } from '../protocol/decode';
import { isTopicName } from '../protocol/topics';
import type { TopicMap, TopicName } from '../protocol/topics';
import type { ConnectionState } from './connection';
import { Entries, deliver } from './entries';
import type { Entry } from './entries';
import type { Fanout } from './fanout';
import { RequestHeaders, cometdConfiguration } from './headers';
import { resolveOptions } from './options';
import type { GwsClientOptions } from './options';
import type { CometDHandle, CometDPort } from './port';
import { createScrubber } from './scrubber';
import { initialSession, transition } from './session';
import type {
  Effect,
  SessionConfig,
  SessionEvent,
  SessionState,
  SubscribeFailure,
  SubscriptionsState,
} from './session';

export type { SubscribeFailure } from './session';

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
   * The decoded notifications of one GWS topic. Cold and shared: the first subscriber causes one Bayeux subscribe,
   * later ones share it, the last unsubscribe sends `/meta/unsubscribe`. Survives re-handshakes (the client
   * subscribes again after each one) without erroring or completing; completes on `close()`. Payloads that fail to
   * decode go to `decodeFailures$` instead. The same name always returns the same Observable.
   */
  topic<T extends TopicName>(name: T): Observable<TopicMap[T]>;
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
  const machine: SessionConfig = {
    maxHandshakeAttempts: config.maxHandshakeAttempts,
    backoffIncrement: config.backoffIncrement,
    maxBackoff: config.maxBackoff,
    maxNetworkDelay: config.maxNetworkDelay,
    headerProvider: headers.hasProvider,
  };

  const state$ = new BehaviorSubject<ConnectionState>({ status: 'idle' });
  const subscriptions$ = new BehaviorSubject<SubscriptionsState>(initialSession.subscriptions);
  const failures$ = new Subject<DecodeFailure>();
  const subscribeFailures$ = new Subject<SubscribeFailure>();
  const entries = new Entries(failures$);
  const observables = new Map<string, Observable<unknown>>();

  let session: SessionState = initialSession;
  let port: CometDPort | undefined;
  let listeners: CometDHandle[] = [];
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let closedNow: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closedNow = resolve));

  // Events are handled one at a time, to completion: an event raised while effects run (a CometD callback, a
  // subscriber reacting to an emission) waits its turn. A port that throws does not stop the run; the first error
  // is rethrown to whoever raised the first event, as a direct call to the port would have thrown it.
  const queue: SessionEvent[] = [];
  let running = false;
  const dispatch = (event: SessionEvent): void => {
    queue.push(event);
    if (running) return;
    running = true;
    let thrown: { readonly error: unknown } | undefined;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
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

  const scrubbed = (s: ConnectionState): ConnectionState =>
    'reason' in s ? { ...s, reason: scrub(s.reason) } : { ...s };

  // Runs inside the first subscriber's subscribe: nothing may throw from here into a topic. A CometD that cannot be
  // built or set up (no browser window, a broken factory) is a terminal `failed`; topics stay idle until close().
  const buildPort = (): void => {
    try {
      port = makePort();
    } catch (e) {
      port = undefined;
      const unavailable = e instanceof CometDUnavailable;
      return dispatch({ type: 'portFailed', stage: 'create', message: messageOf(e), unavailable });
    }
    try {
      port.unregisterTransport?.('websocket');
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
          (e: unknown) => dispatch({ type: 'headerProviderFailed', forHandshake, message: providerMessage(e) }),
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
      case 'emit':
        return state$.next(scrubbed(effect.state));
      case 'emitSubscribeFailure':
        return subscribeFailures$.next({ ...effect.failure, reason: scrub(effect.failure.reason) });
      case 'emitSubscriptions':
        return subscriptions$.next(effect.subscriptions);
      case 'removeListeners':
        if (port) for (const l of listeners) port.removeListener(l);
        return;
      case 'complete':
        entries.completeAll();
        state$.complete();
        failures$.complete();
        subscribeFailures$.complete();
        subscriptions$.complete();
        return closedNow();
    }
  };

  const isClosed = (): boolean => session.phase.status === 'closing' || session.phase.status === 'disconnected';

  const acquire = (channel: string): Entry => {
    const [entry, created] = entries.acquire(channel);
    if (created) dispatch({ type: 'channelAdded', channel });
    return entry;
  };

  const release = (entry: Entry): void => {
    const handle = entry.handle;
    if (entries.release(entry)) dispatch({ type: 'channelReleased', channel: entry.channel, handle });
  };

  const stream = <T>(channel: string, pick: (e: Entry) => Fanout<unknown>): Observable<T> =>
    new Observable<T>((subscriber) => {
      if (isClosed()) {
        subscriber.complete();
        return undefined;
      }
      const entry = acquire(channel);
      const remove = (pick(entry) as Fanout<T>).add(subscriber);
      return () => {
        remove();
        release(entry);
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
    dispatch({ type: 'closeRequested', portDisconnected: port?.getStatus?.() === 'disconnected' });
    return closed;
  };

  return {
    connection$: state$.pipe(distinctUntilChanged()),
    decodeFailures$: failures$.asObservable(),
    subscribeFailures$: subscribeFailures$.asObservable(),
    subscriptions$: subscriptions$.asObservable(),
    topic: <T extends TopicName>(name: T): Observable<TopicMap[T]> => {
      if (!isTopicName(name)) throw new TypeError(`gws-rx: unknown topic ${JSON.stringify(name)}`);
      return cached(`topic:${name}`, () => stream<TopicMap[T]>(name, (e) => e.decoded));
    },
    channel: (name: string): Observable<unknown> =>
      cached(`channel:${name}`, () => stream<unknown>(name, (e) => e.raw)),
    close,
  };
}

/** What a failed headerProvider said, as the client always reported it (its message, else the value as a string). */
function providerMessage(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}
