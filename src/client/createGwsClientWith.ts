import { BehaviorSubject, Observable, Subject, distinctUntilChanged } from 'rxjs';
import { either } from 'fp-ts';
import { readerOf, validateData } from '../protocol/decode';
import type { CanonicalReader, DecodeFailure } from '../protocol/decode';
import { isTopicName } from '../protocol/topics';
import type { TopicMap, TopicName } from '../protocol/topics';
import type { ConnectionState } from './connection';
import { Fanout } from './fanout';
import { basicAuthorization, redactUrl, resolveOptions } from './options';
import type { GwsClientOptions, HeaderMap } from './options';
import type { BayeuxMessage, CometDHandle, CometDPort } from './port';

/** A subscription the server refused (e.g. `403::denied`). */
export interface SubscribeFailure {
  readonly channel: string;
  readonly reason: string;
}

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

interface Entry {
  readonly channel: string;
  refs: number;
  handle: CometDHandle | undefined;
  readonly raw: Fanout<unknown>;
  readonly decoded: Fanout<unknown>;
  /** The channel's canonical-payload reader when it is a gws-rx topic (`topic()`), else `undefined`. */
  readonly read: CanonicalReader<TopicName> | undefined;
  /** The client's `decodeFailures$`. */
  readonly failures: Subject<DecodeFailure>;
}

/**
 * Hands one Bayeux message to a channel's subscribers. It is the hot path, so it lives at module level and reads
 * everything from `entry`: code V8 optimizes here is shared by every client, and not thrown away when a client that
 * owned a closure it was built around is collected.
 */
function deliver(entry: Entry, m: BayeuxMessage): void {
  if (entry.raw.observed) entry.raw.next(m.data);
  const read = entry.read;
  if (read === undefined || !entry.decoded.observed) return;
  // The usual case allocates nothing: a canonical payload is delivered as it came.
  const canonical = read(m.data);
  if (canonical !== undefined) return entry.decoded.next(canonical);
  const result = validateData(entry.channel as TopicName, m.data, m);
  if (either.isLeft(result)) entry.failures.next(result.left);
  else entry.decoded.next(result.right);
}

/**
 * Builds a client over any {@link CometDPort}. The public `createGwsClient` of each entry calls this with the
 * CometD that suits its platform.
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

  const state$ = new BehaviorSubject<ConnectionState>({ status: 'idle' });
  const failures$ = new Subject<DecodeFailure>();
  const subscribeFailures$ = new Subject<SubscribeFailure>();
  const entries = new Map<string, Entry>();
  const observables = new Map<string, Observable<unknown>>();

  let port: CometDPort | undefined;
  let listeners: CometDHandle[] = [];
  let started = false;
  let closed = false;
  let terminal = false;
  let sessionUp = false;
  let restartPending = false;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let authRejections = 0;
  let failuresInARow = 0;
  let handshakesWithoutConnect = 0;
  let providedHeaders: HeaderMap = {};

  // Every value that must never be printed; reasons are scrubbed of them.
  const secrets = (): string[] => {
    const values = [...Object.values(options.headers ?? {}), ...Object.values(providedHeaders)];
    if (options.credentials)
      values.push(
        options.credentials.password,
        basicAuthorization(options.credentials.username, options.credentials.password),
      );
    return values.filter((v) => v.length >= 4);
  };
  const scrub = (text: string): string => secrets().reduce((acc, s) => acc.split(s).join('***'), redactUrl(text));

  const setState = (s: ConnectionState): void => {
    if (!closed || s.status === 'disconnected') state$.next(s);
  };
  const backoff = (n: number): number => Math.min(config.maxBackoff, config.backoffIncrement * 2 ** Math.max(0, n - 1));

  const requestHeaders = (): Record<string, string> => {
    const h: Record<string, string> = { ...options.headers, ...providedHeaders };
    if (options.credentials)
      h.Authorization = basicAuthorization(options.credentials.username, options.credentials.password);
    return h;
  };
  const configure = (): void => {
    port?.configure({
      url: config.url,
      logLevel: config.logLevel,
      backoffIncrement: config.backoffIncrement,
      maxBackoff: config.maxBackoff,
      maxNetworkDelay: config.maxNetworkDelay,
      connectTimeout: config.connectTimeout,
      requestHeaders: requestHeaders(),
    });
  };
  const refreshHeaders = async (): Promise<void> => {
    if (!options.headerProvider) return;
    providedHeaders = { ...(await options.headerProvider()) };
    configure();
  };

  const describe = (m: BayeuxMessage): string => {
    const parts: string[] = [];
    if (typeof m.error === 'string' && m.error !== '') parts.push(m.error);
    const code = m.failure?.httpCode;
    if (typeof code === 'number' && code > 0) parts.push(`HTTP ${code}`);
    if (parts.length === 0 && typeof m.failure?.reason === 'string') parts.push(m.failure.reason);
    return scrub(parts.join(', ') || 'network failure');
  };

  const fail = (reason: string, httpStatus: number | undefined): void => {
    if (terminal || closed) return;
    terminal = true;
    sessionUp = false;
    clearTimeout(restartTimer);
    setState({ status: 'failed', reason: scrub(reason), httpStatus });
    try {
      port?.disconnect();
    } catch {
      // A port that cannot even disconnect is already unusable; the state above says so.
    }
  };

  const subscribeEntry = (entry: Entry): void => {
    if (!port) return;
    entry.handle = port.subscribe(
      entry.channel,
      (m) => deliver(entry, m),
      (reply) => {
        if (reply.successful === false && !closed)
          subscribeFailures$.next({ channel: entry.channel, reason: describe(reply) });
      },
    );
  };

  /**
   * Counts an HTTP 401/403 answer towards `maxHandshakeAttempts` and fails the client when the bound is reached.
   * Returns true when the client failed.
   */
  const rejectedTooOften = (m: BayeuxMessage, what: string): boolean => {
    const code = m.failure?.httpCode;
    if (code !== 401 && code !== 403) return false;
    authRejections += 1;
    if (authRejections < config.maxHandshakeAttempts) return false;
    fail(`${what} with HTTP ${code} ${authRejections} times in a row: credentials or session not accepted`, code);
    return true;
  };

  const onHandshake = (m: BayeuxMessage): void => {
    if (closed || terminal) return;
    if (m.successful) {
      authRejections = 0;
      sessionUp = true;
      handshakesWithoutConnect += 1;
      for (const entry of entries.values()) subscribeEntry(entry);
      return;
    }
    sessionUp = false;
    if (m.advice?.reconnect === 'none')
      return fail(`server refused the handshake and advised no reconnect (${describe(m)})`, m.failure?.httpCode);
    if (rejectedTooOften(m, 'handshake rejected')) return;
    failuresInARow += 1;
    setState({ status: 'reconnecting', reason: `handshake failed: ${describe(m)}`, attempt: failuresInARow });
    void refreshHeaders().catch(() => undefined);
  };

  const onConnect = (m: BayeuxMessage): void => {
    if (closed || terminal || restartPending) return;
    if (m.successful) {
      failuresInARow = 0;
      authRejections = 0;
      handshakesWithoutConnect = 0;
      const current = state$.getValue();
      if (current.status !== 'connected') setState({ status: 'connected', clientId: m.clientId });
      return;
    }
    if (m.advice?.reconnect === 'none')
      return fail(`server advised no reconnect (${describe(m)})`, m.failure?.httpCode);
    // Credentials or session rejected in the middle of a session count like rejected handshakes: bounded.
    if (rejectedTooOften(m, 'requests rejected')) return;
    failuresInARow += 1;
    setState({ status: 'reconnecting', reason: `connection lost: ${describe(m)}`, attempt: failuresInARow });
    // A rejected or lost session (401/403, 402::session_unknown, advice handshake) means CometD will handshake
    // again: refresh the headers first (a synchronous provider is applied before that handshake goes out).
    const code = m.failure?.httpCode;
    const sessionLost =
      m.advice?.reconnect === 'handshake' || (typeof m.error === 'string' && m.error.startsWith('402'));
    if (sessionLost) sessionUp = false;
    if (code === 401 || code === 403 || sessionLost) void refreshHeaders().catch(() => undefined);
    // A server that accepts handshakes but rejects every connect (402::session_unknown) makes CometD re-handshake
    // with no delay at all; after two such rounds gws-rx takes over and waits with exponential backoff.
    if (handshakesWithoutConnect >= 2) restartAfter(backoff(handshakesWithoutConnect - 1));
  };

  const restartAfter = (delay: number): void => {
    restartPending = true;
    sessionUp = false;
    port?.disconnect();
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      restartPending = false;
      if (closed || terminal) return;
      void handshake();
    }, delay);
  };

  const handshake = async (): Promise<void> => {
    try {
      await refreshHeaders();
    } catch (e) {
      authRejections += 1;
      const reason = `headerProvider failed: ${e instanceof Error ? e.message : String(e)}`;
      if (authRejections >= config.maxHandshakeAttempts) return fail(reason, undefined);
      setState({ status: 'reconnecting', reason: scrub(reason), attempt: authRejections });
      restartAfter(backoff(authRejections));
      return;
    }
    if (closed || terminal || !port) return;
    try {
      configure();
      port.handshake();
    } catch (e) {
      fail(`cometd could not be started: ${messageOf(e)}`, undefined);
    }
  };

  // Runs inside the first subscriber's subscribe: nothing may throw from here into a topic. A CometD that cannot be
  // built or set up (no browser window, a broken factory) is a terminal `failed`; topics stay idle until close().
  const start = (): void => {
    if (started || closed) return;
    started = true;
    try {
      port = makePort();
    } catch (e) {
      port = undefined;
      const reason = e instanceof CometDUnavailable ? messageOf(e) : `cometd could not be created: ${messageOf(e)}`;
      return fail(reason, undefined);
    }
    try {
      port.unregisterTransport?.('websocket');
      listeners = [port.addListener('/meta/handshake', onHandshake), port.addListener('/meta/connect', onConnect)];
    } catch (e) {
      return fail(`cometd could not be started: ${messageOf(e)}`, undefined);
    }
    setState({ status: 'connecting' });
    void handshake();
  };

  const acquire = (channel: string): Entry => {
    let entry = entries.get(channel);
    if (!entry) {
      entry = {
        channel,
        refs: 0,
        handle: undefined,
        raw: new Fanout(),
        decoded: new Fanout(),
        read: isTopicName(channel) ? readerOf(channel) : undefined,
        failures: failures$,
      };
      entries.set(channel, entry);
      if (sessionUp) subscribeEntry(entry);
    }
    entry.refs += 1;
    start();
    return entry;
  };

  const release = (entry: Entry): void => {
    entry.refs -= 1;
    if (entry.refs > 0) return;
    entries.delete(entry.channel);
    if (entry.handle !== undefined && sessionUp && port) port.unsubscribe(entry.handle);
    entry.handle = undefined;
  };

  const stream = <T>(channel: string, pick: (e: Entry) => Fanout<unknown>): Observable<T> =>
    new Observable<T>((subscriber) => {
      if (closed) {
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

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    clearTimeout(restartTimer);
    const p = port;
    // After `failed` or during a throttled restart CometD is already disconnected and would never call back.
    const alreadyDown = terminal || restartPending || p?.getStatus?.() === 'disconnected';
    if (p && started && !alreadyDown) {
      await new Promise<void>((resolve) => {
        const guard = setTimeout(resolve, config.maxNetworkDelay);
        p.disconnect(() => {
          clearTimeout(guard);
          resolve();
        });
      });
    }
    if (p) for (const l of listeners) p.removeListener(l);
    sessionUp = false;
    state$.next({ status: 'disconnected', reason: 'closed by the application' });
    for (const entry of entries.values()) {
      entry.raw.complete();
      entry.decoded.complete();
    }
    entries.clear();
    state$.complete();
    failures$.complete();
    subscribeFailures$.complete();
  };

  return {
    connection$: state$.pipe(distinctUntilChanged()),
    decodeFailures$: failures$.asObservable(),
    subscribeFailures$: subscribeFailures$.asObservable(),
    topic: <T extends TopicName>(name: T): Observable<TopicMap[T]> => {
      if (!isTopicName(name)) throw new TypeError(`gws-rx: unknown topic ${JSON.stringify(name)}`);
      return cached(`topic:${name}`, () => stream<TopicMap[T]>(name, (e) => e.decoded));
    },
    channel: (name: string): Observable<unknown> =>
      cached(`channel:${name}`, () => stream<unknown>(name, (e) => e.raw)),
    close,
  };
}
