// The client's session as an explicit state machine: a pure `transition(state, event, config)` that returns the next
// state and the effects to run. It touches no CometD, no timer, no header and no secret; the shell in
// createGwsClientWith.ts turns CometD callbacks into events and runs the effects. The delivery of messages to topic
// subscribers is not part of it (that hot path stays in entries.ts).
import type { ConnectionState } from './connection';
import type { BayeuxMessage, CometDHandle } from './port';

/** A subscription the server refused (e.g. `403::denied`). */
export interface SubscribeFailure {
  readonly channel: string;
  readonly reason: string;
}

/**
 * Which channel subscriptions the client requested in its current CometD session, and which of them the server
 * acknowledged. `session` counts successful handshakes (0 before the first one); every successful handshake starts
 * a new session with all wanted channels pending. A refused channel leaves `pending` without entering
 * `acknowledged` (the refusal goes to `subscribeFailures$`); one whose subscribe got no Bayeux answer (lost in transit)
 * stays pending and is subscribed again after the next successful connect. "All acknowledged for the current session" is
 * `pending.length === 0 && acknowledged.length > 0` (see {@link allAcknowledged}). A lost session leaves the value
 * as it was until the next successful handshake replaces it.
 *
 * @example
 * ```ts
 * import { filter } from 'rxjs';
 * client.subscriptions$.pipe(filter(allAcknowledged)).subscribe((s) => reread(s.session));
 * ```
 * @internal
 */
export interface SubscriptionsState {
  readonly session: number;
  readonly pending: readonly string[];
  readonly acknowledged: readonly string[];
}

/**
 * Whether every subscription requested in the session was answered and at least one was acknowledged.
 *
 * @example
 * ```ts
 * allAcknowledged({ session: 2, pending: [], acknowledged: ['/v2/me/chats'] }); // true
 * ```
 * @internal
 */
export function allAcknowledged(s: SubscriptionsState): boolean {
  return s.pending.length === 0 && s.acknowledged.length > 0;
}

/**
 * Where the session is. Its `connection$` states are phases as they are shown (the value `connection$` last
 * emitted, `disconnected` being the end after `close()`), plus three that `connection$` does not show: `starting`
 * (CometD being built; `idle` is still shown), `restarting` (gws-rx's own throttled wait after a loop of handshakes
 * whose connects are all rejected, or after a failed headerProvider; `reconnecting` is shown) and `closing` (waiting
 * for CometD's disconnect after `close()`).
 *
 * @example
 * ```ts
 * const p: Phase = { status: 'restarting', reason: 'connection lost: 402::session_unknown', attempt: 2, delay: 1000 };
 * ```
 * @internal
 */
export type Phase =
  | ConnectionState
  | { readonly status: 'starting' }
  | { readonly status: 'restarting'; readonly reason: string; readonly attempt: number; readonly delay: number }
  | { readonly status: 'closing' };

/**
 * The whole state of a client's session: its phase, the counters that bound retry loops, the wanted channels and
 * their subscriptions. A plain immutable value.
 *
 * @example
 * ```ts
 * const s: SessionState = { ...initialSession, channels: ['/v2/me/chats'] };
 * ```
 * @internal
 */
export interface SessionState {
  readonly phase: Phase;
  /** A CometD session is up: its handshake succeeded and it was not lost since (subscribe calls go out now). */
  readonly sessionUp: boolean;
  /** HTTP 401/403 answers (handshakes or connects) and failed headerProviders in a row. */
  readonly authRejections: number;
  /** Failed handshakes and connects in a row (the `attempt` of `reconnecting`). */
  readonly failuresInARow: number;
  /** Successful handshakes since the last successful connect (2 or more: the 402 loop gws-rx throttles). */
  readonly handshakesWithoutConnect: number;
  /** The channels someone subscribes to, in the order they were first wanted. */
  readonly channels: readonly string[];
  readonly subscriptions: SubscriptionsState;
  /**
   * Channels of the current session whose subscribe got no Bayeux answer (the request failed in transit: a cut, a
   * stalled or refused HTTP request). Still pending: they are subscribed again after the next successful connect.
   */
  readonly unanswered: readonly string[];
}

/**
 * The state of a client nobody has subscribed to yet.
 *
 * @example
 * ```ts
 * let state = initialSession;
 * ```
 * @internal
 */
export const initialSession: SessionState = {
  phase: { status: 'idle' },
  sessionUp: false,
  authRejections: 0,
  failuresInARow: 0,
  handshakesWithoutConnect: 0,
  channels: [],
  subscriptions: { session: 0, pending: [], acknowledged: [] },
  unanswered: [],
};

/**
 * The knobs the transitions read: `resolveOptions`' bounds and backoff, and whether a headerProvider exists.
 *
 * @example
 * ```ts
 * const config: SessionConfig = { maxHandshakeAttempts: 3, backoffIncrement: 1000, maxBackoff: 30000, maxNetworkDelay: 10000, headerProvider: false };
 * ```
 * @internal
 */
export interface SessionConfig {
  readonly maxHandshakeAttempts: number;
  readonly backoffIncrement: number;
  readonly maxBackoff: number;
  /** How long `close()` waits for CometD's disconnect. */
  readonly maxNetworkDelay: number;
  readonly headerProvider: boolean;
}

/**
 * What happens to the session. The shell turns CometD's callbacks, timers and calls on the client into these.
 *
 * - `channelAdded` / `channelReleased`: the first subscriber of a channel came / the last one left (the very first
 *   `channelAdded` starts the client); `handle` is the Bayeux subscription to undo, if one was made.
 * - `portBuilt` / `portFailed`: CometD was built and its listeners added, or building (`create`) or setting it up or
 *   calling it (`start`) threw; `unavailable` marks a `CometDUnavailable` (its message is the whole reason).
 * - `headersRefreshed` / `headerProviderFailed`: the headerProvider answered or threw, for a handshake or in the
 *   background after a rejected or lost session.
 * - `handshakeReply`, `connectReply`: `/meta/handshake` and `/meta/connect` messages; `subscribeReply`: the answer
 *   to a subscribe sent in session `session`.
 * - `restartTimerFired`, `closeRequested` (with whether CometD already says it is disconnected), `disconnectDone`.
 *
 * @example
 * ```ts
 * const e: SessionEvent = { type: 'handshakeReply', message: { channel: '/meta/handshake', successful: true } };
 * ```
 * @internal
 */
export type SessionEvent =
  | { readonly type: 'channelAdded'; readonly channel: string }
  | { readonly type: 'channelReleased'; readonly channel: string; readonly handle: CometDHandle | undefined }
  | { readonly type: 'portBuilt' }
  | {
      readonly type: 'portFailed';
      readonly stage: 'create' | 'start';
      readonly message: string;
      readonly unavailable?: boolean;
    }
  | { readonly type: 'headersRefreshed'; readonly forHandshake: boolean }
  | { readonly type: 'headerProviderFailed'; readonly forHandshake: boolean; readonly message: string }
  | { readonly type: 'handshakeReply'; readonly message: BayeuxMessage }
  | { readonly type: 'connectReply'; readonly message: BayeuxMessage }
  | {
      readonly type: 'subscribeReply';
      readonly channel: string;
      readonly session: number;
      readonly message: BayeuxMessage;
    }
  | { readonly type: 'restartTimerFired' }
  | { readonly type: 'closeRequested'; readonly portDisconnected: boolean }
  | { readonly type: 'disconnectDone' };

/**
 * What the shell does, in order. Effects on CometD do nothing when no CometD was built. Reasons in `emit` and
 * `emitSubscribeFailure` are raw: the shell scrubs them of secrets on the way out.
 *
 * - `buildPort`: build CometD, drop its websocket transport, add the `/meta` listeners; answer `portBuilt` or
 *   `portFailed`.
 * - `refreshHeaders`: call the headerProvider (if any); answer `headersRefreshed` or `headerProviderFailed`.
 * - `configure` (with the current headers), `handshake`: a throw answers `portFailed` (`start`).
 * - `subscribe` (answers `subscribeReply` per channel, tagged with `session`), `unsubscribe`, `disconnect`.
 * - `disconnectForClose`: disconnect and answer `disconnectDone` when CometD calls back or after `guard` ms.
 * - `scheduleRestart` (answers `restartTimerFired` after `delay` ms, replacing any earlier timer), `cancelRestart`.
 * - `emit`, `emitSubscribeFailure`, `emitSubscriptions`: the client's streams; `removeListeners`; `complete`: end
 *   every stream and resolve `close()`.
 *
 * @example
 * ```ts
 * const e: Effect = { type: 'scheduleRestart', delay: 2000 };
 * ```
 * @internal
 */
export type Effect =
  | { readonly type: 'buildPort' }
  | { readonly type: 'refreshHeaders'; readonly forHandshake: boolean }
  | { readonly type: 'configure' }
  | { readonly type: 'handshake' }
  | { readonly type: 'subscribe'; readonly channels: readonly string[]; readonly session: number }
  | { readonly type: 'unsubscribe'; readonly channel: string; readonly handle: CometDHandle }
  | { readonly type: 'disconnect' }
  | { readonly type: 'disconnectForClose'; readonly guard: number }
  | { readonly type: 'scheduleRestart'; readonly delay: number }
  | { readonly type: 'cancelRestart' }
  | { readonly type: 'emit'; readonly state: ConnectionState }
  | { readonly type: 'emitSubscribeFailure'; readonly failure: SubscribeFailure }
  | { readonly type: 'emitSubscriptions'; readonly subscriptions: SubscriptionsState }
  | { readonly type: 'removeListeners' }
  | { readonly type: 'complete' };

/**
 * The next state and the effects to run, in order.
 *
 * @example
 * ```ts
 * const { state, effects } = transition(initialSession, { type: 'channelAdded', channel: '/v2/me/chats' }, config);
 * ```
 * @internal
 */
export interface Step {
  readonly state: SessionState;
  readonly effects: readonly Effect[];
}

/**
 * A Bayeux failure in words: the Bayeux error, the HTTP status, else the transport's reason; not yet scrubbed.
 *
 * @example
 * ```ts
 * describe({ channel: '/meta/connect', error: '402::session_unknown' }); // '402::session_unknown'
 * describe({ channel: '/meta/handshake', failure: { httpCode: 401 } }); // 'HTTP 401'
 * ```
 * @internal
 */
export function describe(m: BayeuxMessage): string {
  const parts: string[] = [];
  if (typeof m.error === 'string' && m.error !== '') parts.push(m.error);
  const code = m.failure?.httpCode;
  if (typeof code === 'number' && code > 0) parts.push(`HTTP ${code}`);
  if (parts.length === 0 && typeof m.failure?.reason === 'string') parts.push(m.failure.reason);
  return parts.join(', ') || 'network failure';
}

/**
 * gws-rx's own wait before its `n`th restart: `backoffIncrement · 2^(n-1)`, at most `maxBackoff`.
 *
 * @example
 * ```ts
 * backoff(3, { backoffIncrement: 100, maxBackoff: 1000 }); // 400
 * ```
 * @internal
 */
export function backoff(n: number, c: Pick<SessionConfig, 'backoffIncrement' | 'maxBackoff'>): number {
  return Math.min(c.maxBackoff, c.backoffIncrement * 2 ** Math.max(0, n - 1));
}

const step = (state: SessionState, ...effects: Effect[]): Step => ({ state, effects });
const show = (state: ConnectionState): Effect => ({ type: 'emit', state });
const DISCONNECT: Effect = { type: 'disconnect' };
const CANCEL_RESTART: Effect = { type: 'cancelRestart' };
const REFRESH: Effect = { type: 'refreshHeaders', forHandshake: false };
const REFRESH_THEN_HANDSHAKE: Effect = { type: 'refreshHeaders', forHandshake: true };

/**
 * `close()` was called: the session is closing or closed, and takes no more channels or answers.
 *
 * @example
 * ```ts
 * closedOrClosing({ status: 'closing' }); // true
 * ```
 * @internal
 */
export const closedOrClosing = ({ status }: Phase): boolean => status === 'closing' || status === 'disconnected';
/** Nothing reaches the server or `connection$` any more (`failed` still reports refused subscriptions). */
const over = (p: Phase): boolean => p.status === 'failed' || closedOrClosing(p);
/** No CometD session can exist: none was built yet, or none will be any more. */
const offline = (p: Phase): boolean => p.status === 'idle' || p.status === 'starting' || over(p);

const without = (list: readonly string[], channel: string): readonly string[] =>
  list.includes(channel) ? list.filter((c) => c !== channel) : list;

/** The state with new subscriptions, then the effects, then the one that publishes them if they changed. */
function withSubscriptions(s: SessionState, next: SubscriptionsState, ...effects: Effect[]): Step {
  const prev = s.subscriptions;
  if (next.session === prev.session && next.pending === prev.pending && next.acknowledged === prev.acknowledged)
    return step(s, ...effects);
  if (s.phase.status !== 'disconnected') effects.push({ type: 'emitSubscriptions', subscriptions: next });
  return step({ ...s, subscriptions: next }, ...effects);
}

/** The terminal `failed`: stop the restart timer, say why, disconnect CometD. */
function fail(s: SessionState, reason: string, httpStatus: number | undefined): Step {
  const phase = { status: 'failed', reason, httpStatus } as const;
  const cancel = s.phase.status === 'restarting' ? [CANCEL_RESTART] : [];
  return step({ ...s, phase, sessionUp: false }, ...cancel, show(phase), DISCONNECT);
}

/** gws-rx takes over from CometD: disconnect it now, handshake again after `delay`, still showing `shown`. */
function restart(s: SessionState, shown: { reason: string; attempt: number }, delay: number, effects: Effect[]): Step {
  const phase = { status: 'restarting', reason: shown.reason, attempt: shown.attempt, delay } as const;
  return step({ ...s, phase, sessionUp: false }, ...effects, DISCONNECT, { type: 'scheduleRestart', delay });
}

/** After `close()`: `disconnected`, then every stream completes. */
function finish(s: SessionState, ...effects: Effect[]): Step {
  const phase = { status: 'disconnected', reason: 'closed by the application' } as const;
  return step({ ...s, phase, sessionUp: false }, ...effects, { type: 'removeListeners' }, show(phase), {
    type: 'complete',
  });
}

/**
 * A failed handshake or connect: terminal when the server advised no reconnect or rejected the credentials
 * `maxHandshakeAttempts` times in a row (HTTP 401/403, handshakes and connects alike), else `reconnecting`.
 */
function replyFailed(s: SessionState, m: BayeuxMessage, c: SessionConfig, handshake: boolean): Step {
  const why = describe(m);
  const code = m.failure?.httpCode;
  if (m.advice?.reconnect === 'none')
    return fail(
      s,
      handshake
        ? `server refused the handshake and advised no reconnect (${why})`
        : `server advised no reconnect (${why})`,
      code,
    );
  const rejected = code === 401 || code === 403;
  const authRejections = s.authRejections + (rejected ? 1 : 0);
  if (rejected && authRejections >= c.maxHandshakeAttempts)
    return fail(
      { ...s, authRejections },
      `${handshake ? 'handshake' : 'requests'} rejected with HTTP ${code} ${authRejections} times in a row: credentials or session not accepted`,
      code,
    );
  const attempt = s.failuresInARow + 1;
  const shown = {
    status: 'reconnecting',
    reason: `${handshake ? 'handshake failed' : 'connection lost'}: ${why}`,
    attempt,
  } as const;
  // A failed handshake, or a lost session (402::session_unknown, advice handshake), means CometD handshakes again;
  // so does a rejected one (401/403): refresh the headers first (a synchronous provider is applied before that
  // handshake goes out).
  const lost =
    handshake || m.advice?.reconnect === 'handshake' || (typeof m.error === 'string' && m.error.startsWith('402'));
  const n = s.handshakesWithoutConnect;
  // gws-rx takes over from CometD (disconnects it, waits, refreshes the headers, then handshakes) after two rounds of
  // handshakes whose connects fail (a server that accepts handshakes but 402s every connect makes CometD re-handshake
  // with no delay at all), and when a session is lost with a headerProvider: CometD's immediate re-handshake would
  // race the provider, and in a browser the new login's session cookie lands before its CSRF header (HTTP 403).
  const takeOver = !handshake && (n >= 2 || (lost && c.headerProvider));
  const effects = [show(shown)];
  if (c.headerProvider && (lost || rejected) && !takeOver) effects.push(REFRESH);
  const next: SessionState = {
    ...s,
    phase: s.phase.status === 'restarting' ? { ...s.phase, reason: shown.reason, attempt } : shown,
    sessionUp: s.sessionUp && !lost,
    authRejections,
    failuresInARow: attempt,
  };
  return takeOver ? restart(next, shown, backoff(n - 1, c), effects) : step(next, ...effects);
}

/**
 * The client's session machine: given the state and an event, the next state and the effects to run. Pure: the
 * same arguments always give the same answer, and nothing is changed or called.
 *
 * @example
 * ```ts
 * import { initialSession, transition } from './session';
 * const config = { maxHandshakeAttempts: 3, backoffIncrement: 1000, maxBackoff: 30000, maxNetworkDelay: 10000, headerProvider: false };
 * let { state, effects } = transition(initialSession, { type: 'channelAdded', channel: '/v2/me/chats' }, config);
 * // effects: [{ type: 'buildPort' }]
 * ({ state, effects } = transition(state, { type: 'portBuilt' }, config));
 * // effects: [{ type: 'emit', state: { status: 'connecting' } }, { type: 'refreshHeaders', forHandshake: true }]
 * ```
 * @internal
 */
export function transition(s: SessionState, event: SessionEvent, c: SessionConfig): Step {
  const p = s.phase;
  const { subscriptions: subs, channels } = s;
  switch (event.type) {
    case 'channelAdded': {
      const channel = event.channel;
      if (closedOrClosing(p) || channels.includes(channel)) return step(s);
      const wanted: SessionState = { ...s, channels: [...channels, channel] };
      // The first subscriber starts the client.
      if (p.status === 'idle') return step({ ...wanted, phase: { status: 'starting' } }, { type: 'buildPort' });
      if (!s.sessionUp) return step(wanted);
      return withSubscriptions(
        wanted,
        { ...subs, pending: [...subs.pending, channel] },
        {
          type: 'subscribe',
          channels: [channel],
          session: subs.session,
        },
      );
    }
    case 'channelReleased': {
      const { channel, handle } = event;
      const undo: Effect[] = s.sessionUp && handle !== undefined ? [{ type: 'unsubscribe', channel, handle }] : [];
      return withSubscriptions(
        { ...s, channels: without(channels, channel), unanswered: without(s.unanswered, channel) },
        { ...subs, pending: without(subs.pending, channel), acknowledged: without(subs.acknowledged, channel) },
        ...undo,
      );
    }
    case 'portBuilt': {
      if (p.status !== 'starting') return step(s);
      const phase = { status: 'connecting' } as const;
      return step({ ...s, phase }, show(phase), REFRESH_THEN_HANDSHAKE);
    }
    case 'portFailed': {
      if (over(p)) return step(s);
      const { stage, message, unavailable } = event;
      const reason =
        stage === 'start' ? 'cometd could not be started: ' : unavailable ? '' : 'cometd could not be created: ';
      return fail(s, reason + message, undefined);
    }
    case 'headersRefreshed':
      if (p.status === 'idle' || over(p)) return step(s);
      return event.forHandshake
        ? step(s, { type: 'configure' }, { type: 'handshake' })
        : step(s, { type: 'configure' });
    case 'headerProviderFailed': {
      // A background refresh that fails changes nothing: the handshake that follows says how it went.
      if (!event.forHandshake || p.status === 'idle' || over(p)) return step(s);
      const authRejections = s.authRejections + 1;
      const reason = `headerProvider failed: ${event.message}`;
      if (authRejections >= c.maxHandshakeAttempts) return fail({ ...s, authRejections }, reason, undefined);
      const shown = { status: 'reconnecting', reason, attempt: authRejections } as const;
      return restart({ ...s, authRejections }, shown, backoff(authRejections, c), [show(shown)]);
    }
    case 'handshakeReply': {
      if (offline(p)) return step(s);
      if (!event.message.successful) return replyFailed(s, event.message, c, true);
      // CometD drops every subscription on a handshake: a new session, everything wanted is requested again.
      const session = subs.session + 1;
      const next = {
        ...s,
        unanswered: [],
        authRejections: 0,
        sessionUp: true,
        handshakesWithoutConnect: s.handshakesWithoutConnect + 1,
      };
      const subscribe: Effect[] = channels.length > 0 ? [{ type: 'subscribe', channels, session }] : [];
      return withSubscriptions(next, { session, pending: channels, acknowledged: [] }, ...subscribe);
    }
    case 'connectReply': {
      const m = event.message;
      if (offline(p) || p.status === 'restarting') return step(s);
      if (!m.successful) return replyFailed(s, m, c, false);
      const next = { ...s, failuresInARow: 0, authRejections: 0, handshakesWithoutConnect: 0, unanswered: [] };
      // The session works again: the subscribes that got no answer are sent again (the server may or may not have
      // taken them; subscribing twice is harmless).
      const again: Effect[] = s.unanswered.length
        ? [{ type: 'subscribe', channels: s.unanswered, session: subs.session }]
        : [];
      if (p.status === 'connected') return step(next, ...again);
      const phase = { status: 'connected', clientId: m.clientId } as const;
      return step({ ...next, phase }, show(phase), ...again);
    }
    case 'subscribeReply': {
      const { channel, session, message } = event;
      if (closedOrClosing(p)) return step(s);
      // Only an answer to a request of the current session changes what it requested.
      const current = session === subs.session && subs.pending.includes(channel);
      const pending = current ? without(subs.pending, channel) : subs.pending;
      if (message.successful === false) {
        // No answer from the server (the request failed in transit): not a refusal. The channel stays pending, so
        // the session is not read as complete without it, and is subscribed again once a connect succeeds.
        if (current && message.failure && !message.error) return step({ ...s, unanswered: [...s.unanswered, channel] });
        const refused: Effect = { type: 'emitSubscribeFailure', failure: { channel, reason: describe(message) } };
        return withSubscriptions(s, { ...subs, pending }, refused);
      }
      if (message.successful !== true || !current) return step(s);
      return withSubscriptions(s, { session, pending, acknowledged: [...subs.acknowledged, channel] });
    }
    case 'restartTimerFired':
      if (p.status !== 'restarting') return step(s);
      return step(
        { ...s, phase: { status: 'reconnecting', reason: p.reason, attempt: p.attempt } },
        REFRESH_THEN_HANDSHAKE,
      );
    case 'closeRequested':
      if (closedOrClosing(p)) return step(s);
      // After `failed` or during a throttled restart CometD is already disconnected and would never call back.
      if (p.status === 'restarting') return finish(s, CANCEL_RESTART);
      if (p.status === 'idle' || p.status === 'failed' || event.portDisconnected) return finish(s);
      return step({ ...s, phase: { status: 'closing' } }, { type: 'disconnectForClose', guard: c.maxNetworkDelay });
    case 'disconnectDone':
      return p.status === 'closing' ? finish(s) : step(s);
  }
}
