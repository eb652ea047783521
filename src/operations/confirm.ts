// The correlation at the heart of every operation: listen first, send once, wait for the outcome on the resource.
import { Observable, Subscription, take } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import type { OperationAnswer } from '../protocol/operations';
import { GwsOperationError } from './GwsOperationError';
import type { OperationFailure } from './GwsOperationError';

/**
 * What an operation Observable emits: `accepted` once, when the server's answer says `statusCode: 0`, then
 * `confirmed` with the notification that shows the outcome, and it completes. When the notification comes before the
 * answer, both are emitted when the answer arrives.
 *
 * @example
 * ```ts
 * import type { OperationEvent, ChatsNotification } from 'gws-rx';
 * const show = (e: OperationEvent<ChatsNotification>) =>
 *   e.status === 'accepted' ? `accepted (ref ${e.referenceId ?? '-'})` : `done: ${e.notification.messageType}`;
 * ```
 */
export type OperationEvent<N> =
  | {
      readonly status: 'accepted';
      readonly operation: string;
      readonly resourceId: string;
      /** The answer's `referenceId`, when the server gave one. */
      readonly referenceId: number | undefined;
    }
  | {
      readonly status: 'confirmed';
      readonly operation: string;
      readonly resourceId: string;
      /** The notification that confirmed the operation (it carries the resource's new state). */
      readonly notification: N;
    };

/**
 * A notification's meaning for one operation: it shows the expected outcome (`confirmed`), reports an error on the
 * resource (`failed`), or is not about this operation (`undefined`).
 * @internal
 */
export type Verdict = 'confirmed' | 'failed' | undefined;

/**
 * Everything {@link confirm} correlates. `notifications` is subscribed first; `ready` must then emit (the topic's
 * subscription is acknowledged) before `send` is subscribed, at most once; `send` emits the accepted answer or errors
 * with a {@link GwsOperationError}.
 * @internal
 */
export interface Correlation<N> {
  readonly operation: string;
  readonly resourceId: string;
  readonly notifications: Observable<N>;
  readonly ready: Observable<unknown>;
  readonly send: Observable<OperationAnswer>;
  /** Judges a notification that arrives after the request was sent (it may claim what it matched). */
  readonly judge: (n: N) => Verdict;
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
}

const field = (n: unknown, key: string): unknown =>
  typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[key] : undefined;

/**
 * Runs one operation: subscribes to the resource's notifications, waits for `ready`, sends once, emits `accepted`
 * with the answer and `confirmed` with the first notification judged `confirmed` (before or after the answer), then
 * completes. Errors with a {@link GwsOperationError} on a `failed` notification, when `send` errors, when the
 * notifications end (`closed`) or when `timeoutMs` passes first (`timeout`). When both the answer and a notification
 * carry a `referenceId` and they differ, the notification is another operation's and is ignored. Never retries.
 *
 * ```text
 * notifications  --------c-----
 * ready          -r------------
 * send            -----a|         (subscribed at r)
 * result         ------a-(c|)
 * ```
 *
 * @example
 * ```ts
 * confirm({ operation: 'Hold', resourceId: 'c1', notifications, ready, send, judge, timeoutMs: 10000, scheduler });
 * ```
 * @internal
 */
export function confirm<N>(c: Correlation<N>): Observable<OperationEvent<N>> {
  const { operation, resourceId } = c;
  return new Observable<OperationEvent<N>>((subscriber) => {
    const subs = new Subscription();
    let sent = false;
    let answer: OperationAnswer | undefined;
    let early: [N, Exclude<Verdict, undefined>][] = [];
    const fail = (cause: OperationFailure): void =>
      subscriber.error(new GwsOperationError(operation, resourceId, cause));
    const mine = (n: N): boolean => {
      const ref = field(n, 'referenceId');
      return answer?.referenceId === undefined || typeof ref !== 'number' || ref === answer.referenceId;
    };
    const settle = (n: N, verdict: Exclude<Verdict, undefined>): void => {
      if (verdict === 'failed') {
        const code = field(n, 'errorCode');
        const message = field(n, 'errorMessage');
        return fail({
          type: 'notification',
          sent: true,
          notification: n,
          errorMessage: typeof message === 'string' ? message : undefined,
          errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
        });
      }
      subscriber.next({ status: 'confirmed', operation, resourceId, notification: n });
      subscriber.complete();
    };

    subs.add(c.scheduler.schedule(() => fail({ type: 'timeout', sent, ms: c.timeoutMs }), c.timeoutMs));
    subs.add(
      c.notifications.subscribe({
        next: (n) => {
          // Before the request leaves, nothing can be its outcome.
          if (!sent || subscriber.closed) return;
          const verdict = c.judge(n);
          if (verdict === undefined) return;
          if (answer === undefined) early.push([n, verdict]);
          else if (mine(n)) settle(n, verdict);
        },
        error: (e: unknown) => fail({ type: 'network', sent, message: e instanceof Error ? e.message : String(e) }),
        complete: () => fail({ type: 'closed', sent }),
      }),
    );
    subs.add(
      c.ready.pipe(take(1)).subscribe(() => {
        sent = true;
        subs.add(
          c.send.subscribe({
            next: (a) => {
              answer = a;
              subscriber.next({ status: 'accepted', operation, resourceId, referenceId: a.referenceId });
              const waiting = early;
              early = [];
              for (const [n, verdict] of waiting) if (!subscriber.closed && mine(n)) settle(n, verdict);
            },
            error: (e: unknown) => subscriber.error(e),
          }),
        );
      }),
    );
    return subs;
  });
}
