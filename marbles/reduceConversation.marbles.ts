// The pure reducer inside scan: folding one conversation's events with `scan(reduceConversation)` gives the same
// states, at the same frames, as chatConversations' state$ (the operator adds grouping, buffering and completion).
import { filter, map, mergeMap, scan } from 'rxjs';
import { chatConversations } from '../src/operators/chatConversations';
import { reduceConversation } from '../src/operators/reduceConversation';
import type { ConversationEvent, ConversationState, ReduceOptions } from '../src/operators/reduceConversation';
import { chatLog, chatState, scheduler, text } from './helpers';
import type { Chat, ChatNote, Entry } from './helpers';

type S = ConversationState<Chat, Entry> | undefined;
const options = (now: number): ReduceOptions => ({ kind: 'chat', endStates: ['Completed'], now });
const toEvent = (n: ChatNote): ConversationEvent<Chat, Entry> =>
  n.messageType === 'ChatStateChangeMessage'
    ? { type: 'resource', id: n.chat.id, resource: n.chat }
    : { type: 'messages', id: 'c1', messages: n.messages };
const summary = (s: NonNullable<S>): string =>
  `${s.state}:${s.transcript
    .toArray()
    .map((m) => m.index)
    .join(',')}:${s.ended}`;

describe('reduceConversation', () => {
  test('inside scan it yields the operator’s states; unchanged states (duplicates) are filtered like the operator does', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ChatNote>('-a-b-b-c-d-|', {
        a: chatState('c1', 'Chatting'),
        b: chatLog('c1', text(1)),
        c: chatLog('c1', text(2)),
        d: chatState('c1', 'Completed'),
      });
      const expected = {
        a: 'Chatting::false',
        b: 'Chatting:1:false',
        c: 'Chatting:1,2:false',
        d: 'Completed:1,2:true',
      };
      const folded = source.pipe(
        scan<ChatNote, { prev: S; state: S }>(
          (acc, n) => {
            const next = reduceConversation(acc.state, toEvent(n), options(0));
            return { prev: acc.state, state: next };
          },
          { prev: undefined, state: undefined },
        ),
        filter((acc) => acc.state !== undefined && acc.state !== acc.prev),
        map((acc) => summary(acc.state as NonNullable<S>)),
      );
      expectObservable(folded).toBe('-a-b---c-d-|', expected);
      expectSubscriptions(source.subscriptions).toBe(['^----------!', '^----------!']);

      const viaOperator = source.pipe(
        chatConversations({ endStates: ['Completed'] }),
        mergeMap((c) => c.state$.pipe(map(summary))),
      );
      expectObservable(viaOperator).toBe('-a-b---c-d-|', expected);
    });
  });

  test('messages before any state: undefined (the operator buffers them)', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-b-|', { b: chatLog('c1', text(1)) });
      const out = source.pipe(map((n) => reduceConversation<Chat, Entry>(undefined, toEvent(n), options(0))));
      expectObservable(out).toBe('-u-|', { u: undefined });
    });
  });

  test('with { kind } only, scan gives chatConversations()’s default states: JoinFailed ends the chat', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-|', {
        a: chatState('c1', 'Invited'),
        b: chatLog('c1', text(2), text(1)),
        c: chatState('c1', 'JoinFailed'),
      });
      const expected = { a: 'Invited::false', b: 'Invited:1,2:false', c: 'JoinFailed:1,2:true' };
      const folded = source.pipe(
        scan<ChatNote, S>((s, n) => reduceConversation(s, toEvent(n), { kind: 'chat', now: 0 }) ?? s, undefined),
        filter((s): s is NonNullable<S> => s !== undefined),
        map(summary),
      );
      expectObservable(folded).toBe('-a-b-c-|', expected);
      const viaOperator = source.pipe(
        chatConversations(),
        mergeMap((c) => c.state$.pipe(map(summary))),
      );
      expectObservable(viaOperator).toBe('-a-b-c-|', expected);
    });
  });
});
