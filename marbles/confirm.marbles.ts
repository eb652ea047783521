// The correlation of an operation (src/operations/confirm.ts): notifications subscribed first, the request sent once
// the subscription is acknowledged, `accepted` on the answer, `confirmed` + complete on the outcome, one typed error
// otherwise. Every operation of src/operations runs through it.
import type { Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { confirm } from '../src/operations/confirm';
import type { OperationEvent, Verdict } from '../src/operations/confirm';
import { GwsOperationError } from '../src/operations/GwsOperationError';
import type { OperationFailure } from '../src/operations/GwsOperationError';
import type { OperationAnswer } from '../src/protocol/operations';
import { runWithClock } from './helpers';

/** A notification about resource `r1` (or another), saying it is in `state`, maybe with a referenceId. */
interface Note {
  readonly id: string;
  readonly state: string;
  readonly referenceId?: number;
  readonly errorMessage?: string;
}
const judge = (n: Note): Verdict =>
  n.id !== 'r1' ? undefined : n.state === 'Error' ? 'failed' : n.state === 'Held' ? 'confirmed' : undefined;

const notes = {
  h: { id: 'r1', state: 'Held' },
  o: { id: 'r2', state: 'Held' },
  t: { id: 'r1', state: 'Talking' },
  e: { id: 'r1', state: 'Error', errorMessage: 'Invalid state' },
  x: { id: 'r1', state: 'Held', referenceId: 99 },
  y: { id: 'r1', state: 'Held', referenceId: 7 },
} satisfies Record<string, Note>;
const answers = { a: { statusCode: 0 }, r: { statusCode: 0, referenceId: 7 } } satisfies Record<
  string,
  OperationAnswer
>;

const accepted = (referenceId?: number): OperationEvent<Note> => ({
  status: 'accepted',
  operation: 'Hold',
  resourceId: 'r1',
  referenceId,
});
const confirmed = (notification: Note): OperationEvent<Note> => ({
  status: 'confirmed',
  operation: 'Hold',
  resourceId: 'r1',
  notification,
});
const failure = (cause: OperationFailure): GwsOperationError => new GwsOperationError('Hold', 'r1', cause);

const hold = (
  ts: TestScheduler,
  notifications: Observable<Note>,
  ready: Observable<unknown>,
  send: Observable<OperationAnswer>,
  timeoutMs = 50,
): Observable<OperationEvent<Note>> =>
  confirm({ operation: 'Hold', resourceId: 'r1', notifications, ready, send, judge, timeoutMs, scheduler: ts });

describe('confirm (the correlation of every operation)', () => {
  test('answer, then the notification: accepted on the answer, confirmed and complete on the notification', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('--o---t--h--', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' ---a|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe('----a----(c|)', {
        a: accepted(),
        c: confirmed(notes.h),
      });
      expectSubscriptions(notifications.subscriptions).toBe('^--------!');
      expectSubscriptions(send.subscriptions).toBe('-^---!');
    });
  });

  test('the notification before the answer (long-polling race): both emitted when the answer arrives', () => {
    runWithClock(({ hot, cold, expectObservable }, ts) => {
      const notifications = hot<Note>('---h--------', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' -----a|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe('------(ac|)', {
        a: accepted(),
        c: confirmed(notes.h),
      });
    });
  });

  test('notifications before the request is sent are never its outcome', () => {
    runWithClock(({ hot, cold, expectObservable }, ts) => {
      const notifications = hot<Note>('-h--------h--', notes);
      const ready = hot('             ---r---------');
      const send = cold<OperationAnswer>('   -a|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe('----a-----(c|)', {
        a: accepted(),
        c: confirmed(notes.h),
      });
    });
  });

  test('an error notification on the resource: one GwsOperationError with the notification as cause', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('-----e---h--', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' -a|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe(
        '--a--#',
        { a: accepted() },
        failure({
          type: 'notification',
          sent: true,
          notification: notes.e,
          errorMessage: 'Invalid state',
          errorCode: undefined,
        }),
      );
      expectSubscriptions(notifications.subscriptions).toBe('^----!');
    });
  });

  test('an error notification before the answer fails when the answer comes', () => {
    runWithClock(({ hot, cold, expectObservable }, ts) => {
      const notifications = hot<Note>('--e---------', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' ---a|', answers);
      const error = failure({
        type: 'notification',
        sent: true,
        notification: notes.e,
        errorMessage: 'Invalid state',
        errorCode: undefined,
      });
      expectObservable(hold(ts, notifications, ready, send)).toBe('----(a#)', { a: accepted() }, error);
    });
  });

  test('timeout: no confirmation in time is a GwsOperationError (sent), the topic and request are let go', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('--t--o------', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' -a|', answers);
      expectObservable(hold(ts, notifications, ready, send, 8)).toBe(
        '--a-----#',
        { a: accepted() },
        failure({ type: 'timeout', sent: true, ms: 8 }),
      );
      expectSubscriptions(notifications.subscriptions).toBe('^-------!');
    });
  });

  test('never acknowledged: nothing is sent; the timeout says it was not sent', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('-h-h-', notes);
      const ready = hot('-');
      const send = cold<OperationAnswer>('a|', answers);
      expectObservable(hold(ts, notifications, ready, send, 6)).toBe(
        '------#',
        undefined,
        failure({ type: 'timeout', sent: false, ms: 6 }),
      );
      expectSubscriptions(send.subscriptions).toBe([]);
    });
  });

  test('unsubscribed before the acknowledgement: nothing sent, ever', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('---------h--', notes);
      const ready = hot('             -----r------');
      const send = cold<OperationAnswer>('a|', answers);
      expectObservable(hold(ts, notifications, ready, send), '^--!').toBe('----');
      expectSubscriptions(send.subscriptions).toBe([]);
      expectSubscriptions(notifications.subscriptions).toBe('^--!');
    });
  });

  test('unsubscribed after sending: the request is let go (aborted), not sent again', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('---------h--', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' -------a|', answers);
      expectObservable(hold(ts, notifications, ready, send), '^---!').toBe('-----');
      expectSubscriptions(send.subscriptions).toBe('-^--!');
    });
  });

  test('a refusal from send is the error, as send gave it; no retry', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const refused = failure({
        type: 'rejected',
        sent: true,
        httpStatus: 200,
        statusCode: 2,
        statusMessage: 'Invalid state',
      });
      const notifications = hot<Note>('------h-----', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' --#', undefined, refused);
      expectObservable(hold(ts, notifications, ready, send)).toBe('---#', undefined, refused);
      expectSubscriptions(send.subscriptions).toBe('-^-!');
    });
  });

  test('referenceId: a notification carrying another one is another operation’s; the same one confirms', () => {
    runWithClock(({ hot, cold, expectObservable }, ts) => {
      const notifications = hot<Note>('--x---x--y--', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' ---r|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe('----a----(c|)', {
        a: accepted(7),
        c: confirmed(notes.y),
      });
    });
  });

  test('a notification without referenceId confirms even when the answer has one (GWS sends none on most)', () => {
    runWithClock(({ hot, cold, expectObservable }, ts) => {
      const notifications = hot<Note>('------h-----', notes);
      const ready = hot('             -r----------');
      const send = cold<OperationAnswer>(' -r|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe('--a---(c|)', {
        a: accepted(7),
        c: confirmed(notes.h),
      });
    });
  });

  test('the topic ends (client closed) before the confirmation: closed', () => {
    runWithClock(({ hot, cold, expectObservable }, ts) => {
      const notifications = hot<Note>('----|', notes);
      const ready = hot('             -r---');
      const send = cold<OperationAnswer>(' -a|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe(
        '--a-#',
        { a: accepted() },
        failure({ type: 'closed', sent: true }),
      );
    });
  });

  test('already acknowledged (ready replays at once): sent on subscription', () => {
    runWithClock(({ hot, cold, expectObservable, expectSubscriptions }, ts) => {
      const notifications = hot<Note>('----h--', notes);
      const ready = cold('r');
      const send = cold<OperationAnswer>('--a|', answers);
      expectObservable(hold(ts, notifications, ready, send)).toBe('--a-(c|)', {
        a: accepted(),
        c: confirmed(notes.h),
      });
      expectSubscriptions(send.subscriptions).toBe('^--!');
    });
  });
});
