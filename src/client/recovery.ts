// State recovery as a small pure state machine, beside the session's: after the subscriptions of a CometD session are
// acknowledged, the shell reads `GET <base>/api/v2/me?subresources=*` (CometD is at-most-once and GWS replays
// nothing). `recover(state, event, config)` decides when to read, retry, abort and what to show; the shell in
// createGwsClientWith.ts runs the effects (fetch, timers, the streams).
import type { DecodeFailure } from '../protocol/decode';
import { allAcknowledged, backoff } from './session';
import type { SessionConfig, SubscriptionsState } from './session';

/**
 * Whether the client has read the server's state since its current CometD session subscribed (`sync$`).
 *
 * - `idle`: nothing to read (no topic subscribed, or recovery is off).
 * - `syncing`: session `session` is subscribing, or its read is in flight.
 * - `synced`: session `session` read the state at `at` (ms since the epoch) after its subscriptions were
 *   acknowledged: "subscribed and synced".
 * - `failed`: the last read failed (`reason` is one line without secrets; `httpStatus` when the server answered);
 *   the client reads again in `retryInMs` ms. Live notifications keep flowing meanwhile.
 *
 * @example
 * ```ts
 * client.sync$?.subscribe((s) => (banner.hidden = s.status === 'synced'));
 * ```
 */
export type SyncState =
  | { readonly status: 'idle' }
  | { readonly status: 'syncing'; readonly session: number }
  | { readonly status: 'synced'; readonly session: number; readonly at: number }
  | {
      readonly status: 'failed';
      readonly session: number;
      readonly reason: string;
      readonly httpStatus?: number;
      readonly attempt: number;
      readonly retryInMs: number;
    };

/**
 * Emitted on `snapshots$` at the moment a state read is sent: notifications that arrive between this marker and the
 * read's {@link StateSnapshot} (same `read`) may be newer than the snapshot, or older. `channels` are the channels
 * whose subscription was acknowledged before the request; `read` counts the client's reads (1, 2, …).
 *
 * @example
 * ```ts
 * const marker: SnapshotRequested = { type: 'requested', session: 1, read: 1, channels: ['/v2/me/chats'] };
 * ```
 */
export interface SnapshotRequested {
  readonly type: 'requested';
  readonly session: number;
  readonly read: number;
  readonly channels: readonly string[];
}

/**
 * One successful state read: the `user` object of `GET /api/v2/me?subresources=*`, raw (its lists — `chats`,
 * `calls`, `devices`, … — hold resources shaped as in notifications), emitted the moment the answer is parsed.
 *
 * @example
 * ```ts
 * const chats = (s: StateSnapshot): unknown[] => (Array.isArray(s.user.chats) ? s.user.chats : []);
 * ```
 */
export interface StateSnapshot {
  readonly type: 'loaded';
  readonly session: number;
  readonly read: number;
  readonly channels: readonly string[];
  readonly user: Readonly<Record<string, unknown>>;
}

/**
 * What `snapshots$` emits: a read's `requested` marker, then its `loaded` snapshot if it succeeds.
 *
 * @example
 * ```ts
 * client.snapshots$?.pipe(filter((e): e is StateSnapshot => e.type === 'loaded')).subscribe((s) => seed(s.user));
 * ```
 */
export type SnapshotEvent = SnapshotRequested | StateSnapshot;

/**
 * The recovery's state: what `sync$` shows, the session's subscriptions, the read in flight, the last snapshot
 * loaded. The shell runs what changed from one state to the next: a new `reading` is sent (the one before it
 * aborted), a new `sync` is shown (a `failed` one starts the retry timer), a new `loaded` is emitted; `ended` stops
 * everything.
 * @internal
 */
export interface RecoveryState {
  readonly sync: SyncState;
  /** The subscriptions of the current session, as last seen. */
  readonly subs: SubscriptionsState;
  /** The channels the last read of the session covered (a read is due when one acknowledged is not among them). */
  readonly covered: readonly string[];
  /** The read in flight. */
  readonly reading?: SnapshotRequested;
  /** The last read that succeeded. */
  readonly loaded?: StateSnapshot;
  /** Failed reads in a row; while > 0 and nothing is in flight, the retry timer runs. */
  readonly attempt: number;
  /** Reads started so far. */
  readonly reads: number;
  /** After close() or a terminal `failed` session: nothing more happens. */
  readonly ended?: boolean;
}

/** @internal */
export const initialRecovery: RecoveryState = {
  sync: { status: 'idle' },
  subs: { session: 0, pending: [], acknowledged: [] },
  covered: [],
  attempt: 0,
  reads: 0,
};

/**
 * What drives the recovery: the session's subscriptions changed; the read `read` succeeded (at `at`) or failed; the
 * retry timer fired; a new reader wants state (`demand`: read again even if a read covered its channel); the
 * client ended (close() or a terminal `failed`).
 * @internal
 */
export type RecoveryEvent =
  | { readonly type: 'subscriptions'; readonly subscriptions: SubscriptionsState }
  | {
      readonly type: 'loaded';
      readonly read: number;
      readonly user: Readonly<Record<string, unknown>>;
      readonly at: number;
    }
  | { readonly type: 'failed'; readonly read: number; readonly reason: string; readonly httpStatus?: number }
  | { readonly type: 'retry' }
  | { readonly type: 'demand' }
  | { readonly type: 'end' };

/**
 * A check every read that answered must pass before it counts (registered by `syncedTopic` for its channel): it
 * reports what does not decode on `failures` and returns why the read cannot be applied, or `undefined`. A read that
 * fails a check is a failed read (shown on `sync$`, retried with backoff), so that nothing is removed on the word of
 * a read that could not be understood.
 * @internal
 */
export type ReadCheck = (
  user: Readonly<Record<string, unknown>>,
  channels: readonly string[],
  failures: { next(failure: DecodeFailure): void },
) => string | undefined;

/** Sends a read of everything acknowledged now. */
const start = (r: RecoveryState): RecoveryState => {
  const { session, acknowledged } = r.subs;
  const reading = { type: 'requested', session, read: r.reads + 1, channels: acknowledged } as const;
  const sync: SyncState = r.sync.status === 'syncing' ? r.sync : { status: 'syncing', session };
  return { ...r, sync, reads: reading.read, reading, covered: acknowledged };
};

/**
 * Starts a read when one is due: all subscriptions answered, one acknowledged that no read covered, nothing in
 * flight (it is followed by this one) and no retry waiting (it reads everything acknowledged by then).
 */
const next = (r: RecoveryState): RecoveryState =>
  !r.reading && !r.attempt && allAcknowledged(r.subs) && r.subs.acknowledged.some((ch) => !r.covered.includes(ch))
    ? start(r)
    : r;

/**
 * The recovery machine: the next state. Pure.
 *
 * @example
 * ```ts
 * const subscriptions = { session: 1, pending: [], acknowledged: ['/v2/me/chats'] };
 * recover(initialRecovery, { type: 'subscriptions', subscriptions }, config).reading;
 * // { type: 'requested', session: 1, read: 1, channels: ['/v2/me/chats'] }
 * ```
 * @internal
 */
export function recover(
  r: RecoveryState,
  e: RecoveryEvent,
  c: Pick<SessionConfig, 'backoffIncrement' | 'maxBackoff'>,
): RecoveryState {
  const session = r.subs.session;
  if (r.ended) return r;
  switch (e.type) {
    case 'end':
      return { ...r, ended: true, reading: undefined };
    case 'subscriptions': {
      const s = e.subscriptions;
      const wanted = s.pending.length + s.acknowledged.length > 0;
      // A new session, or no topic at all: what ran is moot.
      return next(
        s.session !== session || !wanted
          ? {
              ...r,
              subs: s,
              covered: [],
              reading: undefined,
              attempt: 0,
              sync: wanted ? { status: 'syncing', session: s.session } : initialRecovery.sync,
            }
          : { ...r, subs: s },
      );
    }
    case 'loaded': {
      const req = r.reading;
      if (req?.read !== e.read) return r;
      const loaded = { ...req, type: 'loaded', user: e.user } as const;
      // Synced, unless a channel acknowledged meanwhile makes it read again (still syncing).
      const after = next({ ...r, reading: undefined, attempt: 0, loaded });
      return after.reading ? after : { ...after, sync: { status: 'synced', session, at: e.at } };
    }
    case 'failed': {
      if (r.reading?.read !== e.read) return r;
      const attempt = r.attempt + 1;
      const { reason, httpStatus } = e;
      const retryInMs = backoff(attempt, c);
      return {
        ...r,
        reading: undefined,
        attempt,
        sync: { status: 'failed', session, reason, httpStatus, attempt, retryInMs },
      };
    }
    case 'retry':
      return r.attempt && !r.reading ? start(r) : r;
    case 'demand':
      // Nothing counts as covered any more (a read covers every acknowledged channel anyway): read now once all are
      // answered, after the read in flight (whose marker the new reader missed), or by the retry that waits.
      return next({ ...r, covered: [] });
  }
}
