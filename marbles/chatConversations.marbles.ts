import { map, mergeMap } from 'rxjs';
import type { Observable } from 'rxjs';
import { chatConversations } from '../src/operators/chatConversations';
import { documented } from './documented';
import { chatLog, chatState, event, firstStates, scheduler, text } from './helpers';
import type { ChatNote } from './helpers';

// A state summary that marble values can compare: id, state, transcript indices, gaps, typing, present, error.
const summary = (s: {
  id: string;
  state: string | undefined;
  transcript: { toArray(): readonly { index: number }[]; gaps: readonly { from: number; to: number }[] };
  typing: readonly string[];
  present: readonly { id: string }[];
  lastError: { referenceId: number | undefined } | undefined;
}): string =>
  [
    s.id,
    s.state,
    s.transcript
      .toArray()
      .map((m) => m.index)
      .join(','),
    s.transcript.gaps.map((g) => `${g.from}-${g.to}`).join(','),
    s.typing.join(','),
    s.present.map((p) => p.id).join(','),
    s.lastError?.referenceId ?? '',
  ].join('|');

const states = (source: Observable<ChatNote>) =>
  source.pipe(
    chatConversations(),
    mergeMap((c) => c.state$.pipe(map(summary))),
  );

describe('chatConversations', () => {
  const [diagram] = documented('chatConversations');

  test('the diagram in its TSDoc: one Conversation, whose state$ follows the chat and completes when it ends', () => {
    const d = diagram!;
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>(d.cold('source'), {
        s: chatState('c1', 'Chatting'),
        l: chatLog('c1', text(1)),
        m: chatLog('c1', text(2)),
        e: chatState('c1', 'Completed'),
      });
      expectObservable(
        source.pipe(
          chatConversations(),
          map((c) => c.id),
        ),
      ).toBe(d.at('output'), { c: 'c1' });
      // The first Conversation's state$ alone, so its own completion shows.
      expectObservable(firstStates(source.pipe(chatConversations())).pipe(map(summary))).toBe(d.at('c.state$'), {
        a: 'c1|Chatting|||||',
        b: 'c1|Chatting|1||||',
        c: 'c1|Chatting|1,2||||',
        d: 'c1|Completed|1,2||||',
      });
    });
  });

  test('never: emits nothing and stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ChatNote>('-');
      expectObservable(source.pipe(chatConversations())).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ChatNote>('|');
      expectObservable(source.pipe(chatConversations())).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  test('one chat: one Conversation; its state$ follows state changes and logs and completes on Completed', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-|', {
        a: chatState('c1', 'Chatting'),
        b: chatLog('c1', event(1, 'ParticipantJoined')),
        c: chatLog('c1', text(2)),
        d: chatState('c1', 'Completed'),
      });
      expectObservable(
        source.pipe(
          chatConversations(),
          map((c) => c.id),
        ),
      ).toBe('-x-------|', { x: 'c1' });
      expectObservable(states(source)).toBe('-a-b-c-d-|', {
        a: 'c1|Chatting|||||',
        b: 'c1|Chatting|1|||cust|',
        c: 'c1|Chatting|1,2|||cust|',
        d: 'c1|Completed|1,2|||cust|',
      });
    });
  });

  test('many: interleaved chats each get their own state$', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-e-|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c2', 'Invited'),
        c: chatLog('c2', text(1)),
        d: chatLog('c1', text(1)),
        e: chatState('c2', 'Revoked'),
      });
      expectObservable(states(source)).toBe('-a-b-c-d-e-|', {
        a: 'c1|Chatting|||||',
        b: 'c2|Invited|||||',
        c: 'c2|Invited|1||||',
        d: 'c1|Chatting|1||||',
        e: 'c2|Revoked|1||||',
      });
    });
  });

  test('duplicate, out-of-order and gapped transcript messages', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-e-|', {
        a: chatState('c1', 'Chatting'),
        b: chatLog('c1', text(1), text(4)),
        c: chatLog('c1', text(4)),
        d: chatLog('c1', text(3)),
        e: chatLog('c1', text(2)),
      });
      // c is a duplicate: no emission.
      expectObservable(states(source)).toBe('-a-b---d-e-|', {
        a: 'c1|Chatting|||||',
        b: 'c1|Chatting|1,4|2-3|||',
        d: 'c1|Chatting|1,3,4|2-2|||',
        e: 'c1|Chatting|1,2,3,4||||',
      });
    });
  });

  test('log before state: buffered and applied with the first state change', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-l-m-a-|', {
        l: chatLog('c1', text(2)),
        m: chatLog('c1', text(1)),
        a: chatState('c1', 'Chatting'),
      });
      expectObservable(states(source)).toBe('-----a-|', { a: 'c1|Chatting|1,2||||' });
    });
  });

  // Logs after the end used to be buffered as if for a chat still to come: they piled up (within the bounds) and
  // seeded the transcript of a later chat that reused the id.
  test('log after the end: dropped; a later chat with the same id starts with an empty transcript', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-l-c-m-|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c1', 'Completed'),
        l: chatLog('c1', text(7)),
        c: chatState('c1', 'Chatting'),
        m: chatLog('c1', text(1)),
      });
      expectObservable(states(source)).toBe('-a-b---c-m-|', {
        a: 'c1|Chatting|||||',
        b: 'c1|Completed|||||',
        c: 'c1|Chatting|||||',
        m: 'c1|Chatting|1||||',
      });
    });
  });

  test('ended ids are remembered within maxEndedIds: beyond it, the oldest one buffers again', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-l-e-|', {
        a: chatState('c1', 'Completed'),
        b: chatState('c2', 'Completed'),
        c: chatState('c3', 'Completed'),
        d: chatLog('c1', text(4)),
        l: chatLog('c3', text(5)),
        e: chatState('c1', 'Chatting'),
      });
      // with room for 2, c1 was forgotten when c3 ended: its log is buffered and seeds the new c1
      expectObservable(
        source.pipe(
          chatConversations({ maxEndedIds: 2 }),
          mergeMap((c) => c.state$.pipe(map(summary))),
        ),
      ).toBe('-a-b-c-----e-|', {
        a: 'c1|Completed|||||',
        b: 'c2|Completed|||||',
        c: 'c3|Completed|||||',
        e: 'c1|Chatting|4||||',
      });
    });
  });

  test('typing: TypingStarted adds, Text from the same participant clears; a late TypingStarted does not', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-|', {
        a: chatState('c1', 'Chatting'),
        b: chatLog('c1', event(2, 'TypingStarted')),
        c: chatLog('c1', text(3)),
        d: chatLog('c1', event(1, 'TypingStarted')),
      });
      expectObservable(states(source)).toBe('-a-b-c-d-|', {
        a: 'c1|Chatting|||||',
        b: 'c1|Chatting|2||cust||',
        c: 'c1|Chatting|2,3||||',
        d: 'c1|Chatting|1,2,3||||',
      });
    });
  });

  test('operation error: notificationType Error records referenceId', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c1', 'Chatting', 'Error', 83),
      });
      expectObservable(states(source)).toBe('-a-b-|', { a: 'c1|Chatting|||||', b: 'c1|Chatting|||||83' });
    });
  });

  test('late subscriber to state$ gets the current state replayed, and completion after the end', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c---|', {
        a: chatState('c1', 'Chatting'),
        b: chatLog('c1', text(1)),
        c: chatState('c1', 'Completed'),
      });
      const late = source.pipe(
        chatConversations(),
        mergeMap((c) => cold('--------x|').pipe(mergeMap(() => c.state$.pipe(map(summary))))),
      );
      expectObservable(late).toBe('---------x|', { x: 'c1|Completed|1||||' });
    });
  });

  test('error: the output and every live state$ error', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-#', { a: chatState('c1', 'Chatting') }, new Error('boom'));
      expectObservable(states(source)).toBe('-a-#', { a: 'c1|Chatting|||||' }, new Error('boom'));
    });
  });

  test('early unsubscribe: unsubscribes from the source', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ChatNote>('-a-b-c-|', {
        a: chatState('c1', 'Chatting'),
        b: chatLog('c1', text(1)),
        c: chatLog('c1', text(2)),
      });
      expectObservable(states(source), '^--!').toBe('-a-', { a: 'c1|Chatting|||||' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  test('initial: seeds from a snapshot; a later message for the same id wins', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-|', { a: chatState('c1', 'Completed') });
      const out = source.pipe(
        chatConversations({ initial: [{ id: 'c1', state: 'Chatting' }] }),
        mergeMap((c) => c.state$.pipe(map(summary))),
      );
      expectObservable(out).toBe('sa-|', { s: 'c1|Chatting|||||', a: 'c1|Completed|||||' });
    });
  });

  test('endStates option overrides the default', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-|', { a: chatState('c1', 'Chatting'), b: chatState('c1', 'Completed') });
      const conversations = source.pipe(
        chatConversations({ endStates: ['Archived'] }),
        mergeMap((c) => c.state$.pipe(map((s) => s.ended))),
      );
      expectObservable(conversations).toBe('-a-b-|', { a: false, b: false });
    });
  });

  test('logs link by chatPath too (with a trailing slash); a log with no link is ignored', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-|', {
        a: chatState('c1', 'Chatting'),
        b: { messageType: 'MessageLogUpdated', messages: [text(1)], chatPath: '/chats/c1/' },
        c: { messageType: 'MessageLogUpdated', messages: [text(2)] },
      });
      expectObservable(states(source)).toBe('-a-b---|', { a: 'c1|Chatting|||||', b: 'c1|Chatting|1||||' });
    });
  });
});
