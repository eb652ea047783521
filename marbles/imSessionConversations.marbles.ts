import { endWith, map, mergeMap } from 'rxjs';
import type { Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { imSessionConversations } from '../src/operators/imSessionConversations';
import type {
  IMLogUpdateMessage,
  IMSessionStateChangeMessage,
  ImSessionsNotification,
} from '../src/protocol/imSessions';
import { documented } from './documented';
import { firstStates, runWithClock, scheduler } from './helpers';

type ImNote = ImSessionsNotification;

const im = (
  id: string,
  state: string,
  notificationType = 'StatusChange',
  referenceId?: number,
): IMSessionStateChangeMessage => ({
  messageType: 'IMSessionStateChangeMessage',
  notificationType,
  ...(referenceId === undefined ? {} : { referenceId }),
  imSession: { id, state },
});
const log = (id: string, message: string): IMLogUpdateMessage => ({
  messageType: 'IMLogUpdateMessage',
  imSessionPath: `/im-sessions/${id}`,
  message,
});

// id|state|texts in transcript order@receivedAt; receivedAt is read from the clock handed over (the virtual time)
const states = (source: Observable<ImNote>, clock: TestScheduler) =>
  source.pipe(
    imSessionConversations({ scheduler: clock }),
    mergeMap((c) =>
      c.state$.pipe(
        map(
          (s) =>
            `${s.id}|${s.state ?? ''}|${s.transcript
              .toArray()
              .map((m) => `${m.text}@${m.receivedAt}`)
              .join(',')}`,
        ),
        endWith(`${c.id} done`),
      ),
    ),
  );

describe('imSessionConversations', () => {
  const [diagram] = documented('imSessionConversations');

  test('the diagram in its TSDoc: messages in arrival order; state$ completes when the session ends', () => {
    const d = diagram!;
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ImNote>(d.cold('source'), {
        s: im('i1', 'Talking'),
        m: log('i1', 'hi'),
        n: log('i1', 'bye'),
        e: im('i1', 'Completed'),
      });
      expectObservable(
        source.pipe(
          imSessionConversations(),
          map((c) => c.id),
        ),
      ).toBe(d.at('output'), { c: 'i1' });
      const show = (s: {
        id: string;
        state: string | undefined;
        transcript: { toArray(): readonly { text?: string }[] };
      }) =>
        `${s.id}|${s.state ?? ''}|${s.transcript
          .toArray()
          .map((m) => m.text)
          .join(',')}`;
      expectObservable(firstStates(source.pipe(imSessionConversations())).pipe(map(show))).toBe(d.at('c.state$'), {
        a: 'i1|Talking|',
        b: 'i1|Talking|hi',
        c: 'i1|Talking|hi,bye',
        d: 'i1|Completed|hi,bye',
      });
    });
  });

  test('never: emits nothing, stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ImNote>('-');
      expectObservable(source.pipe(imSessionConversations())).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ImNote>('|');
      expectObservable(source.pipe(imSessionConversations())).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  test('one session: state, then messages appended in arrival order (no index), then end completes state$', () => {
    runWithClock(({ cold, expectObservable, expectSubscriptions }, ts) => {
      const source = cold<ImNote>('-a-b-c-d---|', {
        a: im('s1', 'Invited'),
        b: log('s1', 'hi'),
        c: log('s1', 'hi'),
        d: im('s1', 'Completed'),
      });
      // The same text twice is two messages: IM carries no index to deduplicate by.
      expectObservable(states(source, ts)).toBe('-a-b-c-(de)|', {
        a: 's1|Invited|',
        b: 's1|Invited|hi@3',
        c: 's1|Invited|hi@3,hi@5',
        d: 's1|Completed|hi@3,hi@5',
        e: 's1 done',
      });
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  test('many, interleaved sessions, linked by the last segment of imSessionPath', () => {
    runWithClock(({ cold, expectObservable }, ts) => {
      const source = cold<ImNote>('-a-b-c-d-|', {
        a: im('s1', 'Chatting'),
        b: im('s2', 'Chatting'),
        c: log('s2', 'to two'),
        d: {
          messageType: 'IMLogUpdateMessage',
          imSessionPath: 'http://h/api/v2/me/im-sessions/s1/',
          message: 'to one',
        },
      });
      expectObservable(states(source, ts)).toBe('-a-b-c-d-(xy|)', {
        a: 's1|Chatting|',
        b: 's2|Chatting|',
        c: 's2|Chatting|to two@5',
        d: 's1|Chatting|to one@7',
        x: 's1 done',
        y: 's2 done',
      });
    });
  });

  test('log before state: buffered and applied with the first state change', () => {
    runWithClock(({ cold, expectObservable }, ts) => {
      const source = cold<ImNote>('-l-m-a-|', { l: log('s1', 'one'), m: log('s1', 'two'), a: im('s1', 'Chatting') });
      expectObservable(states(source, ts)).toBe('-----a-(z|)', { a: 's1|Chatting|one@1,two@3', z: 's1 done' });
    });
  });

  test('error: output and live state$ error', () => {
    runWithClock(({ cold, expectObservable, expectSubscriptions }, ts) => {
      const source = cold<ImNote>('-a-#', { a: im('s1', 'Chatting') });
      expectObservable(states(source, ts)).toBe('-a-#', { a: 's1|Chatting|' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  test('never-ending source: the session stays open', () => {
    runWithClock(({ cold, expectObservable }, ts) => {
      const source = cold<ImNote>('-a-b-', { a: im('s1', 'Chatting'), b: log('s1', 'x') });
      expectObservable(states(source, ts)).toBe('-a-b-', { a: 's1|Chatting|', b: 's1|Chatting|x@3' });
    });
  });

  test('early unsubscribe: source unsubscribed', () => {
    runWithClock(({ cold, expectObservable, expectSubscriptions }, ts) => {
      const source = cold<ImNote>('-a-b-c-|', { a: im('s1', 'Chatting'), b: log('s1', 'x'), c: log('s1', 'y') });
      expectObservable(states(source, ts), '^--!').toBe('-a-', { a: 's1|Chatting|' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  test('late subscriber to state$ gets the replayed state', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ImNote>('-a-b-----|', { a: im('s1', 'Chatting'), b: log('s1', 'x') });
      const late = source.pipe(
        imSessionConversations(),
        mergeMap((c) => cold('-----x|').pipe(mergeMap(() => c.state$.pipe(map((s) => s.transcript.length))))),
      );
      expectObservable(late).toBe('------x--|', { x: 1 });
    });
  });

  test('default end states Completed, Released, Ended; endStates option overrides', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ImNote>('-a-b-c-|', {
        a: im('s1', 'Released'),
        b: im('s2', 'Ended'),
        c: im('s3', 'Completed'),
      });
      expectObservable(
        source.pipe(
          imSessionConversations(),
          mergeMap((c) => c.state$.pipe(map((s) => s.ended))),
        ),
      ).toBe('-a-b-c-|', { a: true, b: true, c: true });
      expectObservable(
        source.pipe(
          imSessionConversations({ endStates: ['Ended'] }),
          mergeMap((c) => c.state$.pipe(map((s) => s.ended))),
        ),
      ).toBe('-a-b-c-|', { a: false, b: true, c: false });
    });
  });
});
