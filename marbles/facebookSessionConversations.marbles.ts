import { endWith, map, mergeMap } from 'rxjs';
import type { Observable } from 'rxjs';
import { facebookSessionConversations } from '../src/operators/facebookSessionConversations';
import type { FacebooksessionNotification, FacebooksessionStateChangeMessage } from '../src/protocol/facebooksession';
import type { MessageLogUpdated } from '../src/protocol/chats';
import { documented } from './documented';
import { firstStates, scheduler, text } from './helpers';
import type { Entry } from './helpers';

type FbNote = FacebooksessionNotification;

const fb = (id: string, state: string): FacebooksessionStateChangeMessage => ({
  messageType: 'FacebooksessionStateChangeMessage',
  notificationType: 'StatusChange',
  facebooksession: { id, state },
});
const log = (id: string, ...messages: Entry[]): MessageLogUpdated => ({
  messageType: 'MessageLogUpdated',
  messages,
  facebooksessionPath: `/facebooksession/${id}`,
});

// id|state|indices|gaps
const states = (source: Observable<FbNote>) =>
  source.pipe(
    facebookSessionConversations(),
    mergeMap((c) =>
      c.state$.pipe(
        map(
          (s) =>
            `${s.id}|${s.state ?? ''}|${s.transcript
              .toArray()
              .map((m) => m.index)
              .join(',')}|${s.transcript.gaps.map((g) => `${g.from}-${g.to}`).join(',')}`,
        ),
        endWith(`${c.id} done`),
      ),
    ),
  );

describe('facebookSessionConversations', () => {
  const [diagram] = documented('facebookSessionConversations');

  test('the diagram in its TSDoc: one Conversation, whose state$ completes when the session ends', () => {
    const d = diagram!;
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<FbNote>(d.cold('source'), {
        s: fb('f1', 'Chatting'),
        l: log('f1', text(1)),
        e: fb('f1', 'Completed'),
      });
      expectObservable(
        source.pipe(
          facebookSessionConversations(),
          map((c) => c.id),
        ),
      ).toBe(d.at('output'), { c: 'f1' });
      const show = (s: { id: string; state: string | undefined; transcript: { length: number } }) =>
        `${s.id}|${s.state ?? ''}|${s.transcript.length}`;
      expectObservable(firstStates(source.pipe(facebookSessionConversations())).pipe(map(show))).toBe(
        d.at('c.state$'),
        { a: 'f1|Chatting|0', b: 'f1|Chatting|1', c: 'f1|Completed|1' },
      );
    });
  });

  test('never: emits nothing, stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<FbNote>('-');
      expectObservable(source.pipe(facebookSessionConversations())).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<FbNote>('|');
      expectObservable(source.pipe(facebookSessionConversations())).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  test('one session with a transcript; Completed completes its state$', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<FbNote>('-a-b-c---|', {
        a: fb('f1', 'Chatting'),
        b: log('f1', text(1)),
        c: fb('f1', 'Completed'),
      });
      expectObservable(states(source)).toBe('-a-b-(cd)|', {
        a: 'f1|Chatting||',
        b: 'f1|Chatting|1|',
        c: 'f1|Completed|1|',
        d: 'f1 done',
      });
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  test('many, interleaved; logs linked by facebooksessionPath or chatPath; duplicate, gapped, out-of-order', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<FbNote>('-a-b-c-d-e-f-', {
        a: fb('f1', 'Chatting'),
        b: fb('f2', 'Chatting'),
        c: log('f1', text(1), text(3)),
        d: { messageType: 'MessageLogUpdated', messages: [text(1)], chatPath: '/facebooksession/f2' },
        e: log('f1', text(3)),
        f: log('f1', text(2)),
      });
      expectObservable(states(source)).toBe('-a-b-c-d---f-', {
        a: 'f1|Chatting||',
        b: 'f2|Chatting||',
        c: 'f1|Chatting|1,3|2-2',
        d: 'f2|Chatting|1|',
        f: 'f1|Chatting|1,2,3|',
      });
    });
  });

  test('log before state: buffered and applied with the first state change', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<FbNote>('-l-a-|', { l: log('f1', text(2), text(1)), a: fb('f1', 'Chatting') });
      expectObservable(states(source)).toBe('---a-(z|)', { a: 'f1|Chatting|1,2|', z: 'f1 done' });
    });
  });

  test('error: output and live state$ error', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<FbNote>('-a-#', { a: fb('f1', 'Chatting') });
      expectObservable(states(source)).toBe('-a-#', { a: 'f1|Chatting||' });
    });
  });

  test('early unsubscribe: source unsubscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<FbNote>('-a-b-|', { a: fb('f1', 'Chatting'), b: log('f1', text(1)) });
      expectObservable(states(source), '^-!').toBe('-a', { a: 'f1|Chatting||' });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  test('late subscriber gets the replayed state; Revoked is an end state by default', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<FbNote>('-a-b---c---|', {
        a: fb('f1', 'Chatting'),
        b: log('f1', text(1)),
        c: fb('f1', 'Revoked'),
      });
      const late = source.pipe(
        facebookSessionConversations(),
        mergeMap((c) =>
          cold('----x|').pipe(
            mergeMap(() =>
              c.state$.pipe(
                map((s) => s.state),
                endWith('done'),
              ),
            ),
          ),
        ),
      );
      expectObservable(late).toBe('-----a-(bd)|', { a: 'Chatting', b: 'Revoked', d: 'done' });
    });
  });
});
