import { map } from 'rxjs';
import type { Observable } from 'rxjs';
import { callConversations } from '../src/operators/callConversations';
import type { CallConversationState } from '../src/operators/callConversations';
import { chatConversations } from '../src/operators/chatConversations';
import * as operators from '../src/operators/index';
import { liveConversations } from '../src/operators/liveConversations';
import type { CallsNotification } from '../src/protocol/calls';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { chatLog, chatState, scheduler, text } from './helpers';
import type { ChatNote } from './helpers';

// A snapshot as a comparable string: "id=state,id=state" in insertion order ('' for the empty map).
const show = (m: ReadonlyMap<string, string>): string => [...m].map(([k, v]) => `${k}=${v}`).join(',');
const conv = (id: string, state$: Observable<string>): Conversation<string> => ({ id, kind: 'chat', state$ });

describe('liveConversations', () => {
  const [diagram] = documented('liveConversations');

  test('the diagram in its TSDoc: one Map of the live states; an ended state removes its conversation', () => {
    const d = diagram!;
    interface Step {
      readonly n: string;
      readonly ended: boolean;
    }
    const step = (n: string, ended = false): Step => ({ n, ended });
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const aStates = cold<Step>(d.cold('a.state$'), { 1: step('1'), 2: step('2'), 3: step('3', true) });
      const bStates = cold<Step>(d.cold('b.state$'), { x: step('x') });
      const source = cold<Conversation<Step>>(d.cold('source'), {
        a: { id: 'a', kind: 'chat', state$: aStates },
        b: { id: 'b', kind: 'chat', state$: bStates },
      });
      expectObservable(
        source.pipe(
          liveConversations(),
          map((m) => [...m].map(([id, s]) => `${id}=${s.n}`).join(',')),
        ),
      ).toBe(d.at('output'), { A: 'a=1', B: 'a=2', C: 'a=2,b=x', D: 'b=x' });
      // Each state$ row starts where the diagram draws it, when its conversation arrives; a's ends with its completion.
      expectSubscriptions(aStates.subscriptions).toBe('-'.repeat(d.offset('a.state$')) + '^---------!');
      expectSubscriptions(bStates.subscriptions).toBe('-'.repeat(d.offset('b.state$')) + '^');
    });
  });

  test('never: emits nothing, stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<Conversation<string>>('-');
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes without a snapshot', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<Conversation<string>>('|');
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  test('a state$ that completes while the source is live removes its conversation, in one emission', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<Conversation<string>>('-x---y---', { x: conv('c1', cold('a-|')), y: conv('c2', cold('p')) });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a-e-p---', { a: 'c1=a', e: '', p: 'c2=p' });
    });
  });

  test('after the source completes, live state$s that complete leave no partial Map: the output just completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const s1 = cold<string>('a-b-|');
      const source = cold<Conversation<string>>('-x-|', { x: conv('c1', s1) });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a-b-|', {
        a: 'c1=a',
        b: 'c1=b',
      });
      expectSubscriptions(source.subscriptions).toBe('^--!');
      expectSubscriptions(s1.subscriptions).toBe('-^---!');
    });
  });

  test('many, interleaved: one map holds every live conversation; a new map per change', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<Conversation<string>>('-x-y-----|', {
        x: conv('c1', cold('a---b-|')),
        y: conv('c2', cold('p--q--')),
      });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a-p-bqe---', {
        a: 'c1=a',
        p: 'c1=a,c2=p',
        b: 'c1=b,c2=p',
        q: 'c1=b,c2=q',
        e: 'c2=q',
      });
    });
  });

  test('snapshots are new Map objects: an emitted map never changes afterwards', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<Conversation<string>>('-x---|', { x: conv('c1', cold('a-b|')) });
      const seen: ReadonlyMap<string, string>[] = [];
      const out = source.pipe(
        liveConversations(),
        map((m) => {
          seen.push(m);
          return seen.map(show).join(' / ');
        }),
      );
      expectObservable(out).toBe('-a-bc|', { a: 'c1=a', b: 'c1=a / c1=b', c: 'c1=a / c1=b / ' });
    });
  });

  test('error from the source errors the output and unsubscribes the states', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const s1 = cold<string>('a----');
      const source = cold<Conversation<string>>('-x-#', { x: conv('c1', s1) });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a-#', { a: 'c1=a' });
      expectSubscriptions(s1.subscriptions).toBe('-^-!');
    });
  });

  test('error from a state$ errors the output and unsubscribes the source', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<Conversation<string>>('-x----', { x: conv('c1', cold('a-#')) });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a-#', { a: 'c1=a' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  test('never-ending state$: output does not complete after the source does', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<Conversation<string>>('-x-|', { x: conv('c1', cold('a--')) });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a----', { a: 'c1=a' });
    });
  });

  test('early unsubscribe: source and every state$ unsubscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const s1 = cold<string>('a-b-c-|');
      const source = cold<Conversation<string>>('-x----|', { x: conv('c1', s1) });
      expectObservable(source.pipe(liveConversations(), map(show)), '^--!').toBe('-a-', { a: 'c1=a' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
      expectSubscriptions(s1.subscriptions).toBe('-^-!');
    });
  });

  test('the same id again replaces the old state$ (unsubscribed)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const old = cold<string>('a------');
      const source = cold<Conversation<string>>('-x-y-|', { x: conv('c1', old), y: conv('c1', cold('b-|')) });
      expectObservable(source.pipe(liveConversations(), map(show))).toBe('-a-b-|', { a: 'c1=a', b: 'c1=b' });
      expectSubscriptions(old.subscriptions).toBe('-^-!');
    });
  });

  test('composed with chatConversations: a chat stays in the map while live and leaves it when it ends', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-----|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c2', 'Chatting'),
        c: chatLog('c1', text(1)),
        d: chatState('c2', 'Completed'),
      });
      const out = source.pipe(
        chatConversations(),
        liveConversations(),
        map((m) => [...m.values()].map((s) => `${s.id}:${s.transcript.length}`).join(',')),
      );
      // d ends c2: it leaves the map in that one emission. When the source completes, the output completes
      // after the last snapshot that holds c1 (c1 did not end; it is no longer watched).
      expectObservable(out).toBe('-a-b-c-z-----|', {
        a: 'c1:0',
        b: 'c1:0,c2:0',
        c: 'c1:1,c2:0',
        z: 'c1:1',
      });
    });
  });

  // Regression: the snapshot used to hold an ended conversation for one emission (the ended state was published
  // before the state$ completion removed it). Expected: one map per change and never an ended state.
  test('a snapshot never holds an ended conversation', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-|', { a: chatState('c1', 'Chatting'), b: chatState('c1', 'Completed') });
      const out = source.pipe(
        chatConversations(),
        liveConversations(),
        map((m) => [...m.values()].some((s) => s.ended)),
      );
      expectObservable(out).toBe('-a-b-|', { a: false, b: false });
    });
  });

  test('the operators export it as liveConversations; conversationSnapshots, its old name, is gone', () => {
    expect(operators.liveConversations).toBe(liveConversations);
    expect(Object.keys(operators)).not.toContain('conversationSnapshots');
  });

  test('composed with callConversations: a Map of CallConversationState; a Released call leaves it', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const call = (id: string, state: string): CallsNotification => ({
        messageType: 'CallStateChangeMessage',
        notificationType: 'StatusChange',
        call: { id, state, ani: '5001' },
      });
      const source = cold<CallsNotification>('-a-b-c-d-|', {
        a: call('k1', 'Ringing'),
        b: call('k2', 'Dialing'),
        c: call('k1', 'Established'),
        d: call('k1', 'Released'),
      });
      // Typed end to end: the Map's values are CallConversationState, so `resource.ani` needs no cast.
      const live: Observable<ReadonlyMap<string, CallConversationState>> = source.pipe(
        callConversations(),
        liveConversations(),
      );
      expectObservable(
        live.pipe(map((m) => [...m.values()].map((s) => `${s.id}:${s.state ?? ''}:${s.resource.ani ?? ''}`).join(','))),
      ).toBe('-a-b-c-d-|', {
        a: 'k1:Ringing:5001',
        b: 'k1:Ringing:5001,k2:Dialing:5001',
        c: 'k1:Established:5001,k2:Dialing:5001',
        d: 'k2:Dialing:5001',
      });
    });
  });

  test('no flash on close: the source completing with three live chats completes the output, no partial Map', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c2', 'Chatting'),
        c: chatState('c3', 'Chatting'),
      });
      const out = source.pipe(
        chatConversations(),
        liveConversations(),
        map((m) => [...m.keys()].join(',')),
      );
      expectObservable(out).toBe('-a-b-c-|', { a: 'c1', b: 'c1,c2', c: 'c1,c2,c3' });
    });
  });

  test('an error from the source errors the output with no partial Map either', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-#', { a: chatState('c1', 'Chatting'), b: chatState('c2', 'Chatting') });
      const out = source.pipe(
        chatConversations(),
        liveConversations(),
        map((m) => [...m.keys()].join(',')),
      );
      expectObservable(out).toBe('-a-b-#', { a: 'c1', b: 'c1,c2' });
    });
  });

  test('a kept snapshot keeps its entries and their order after later updates, removals and re-additions', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<Conversation<string>>('-x-y--z-----w-', {
        x: conv('c1', cold('a--------b')),
        y: conv('c2', cold('p-|')),
        z: conv('c3', cold('q-r')),
        w: conv('c2', cold('s')),
      });
      const kept: ReadonlyMap<string, string>[] = [];
      const out = source.pipe(
        liveConversations(),
        map((m) => {
          kept.push(m);
          return kept.map(show).join(' / ');
        }),
      );
      const all = ['c1=a', 'c1=a,c2=p', 'c1=a', 'c1=a,c3=q', 'c1=a,c3=r', 'c1=b,c3=r', 'c1=b,c3=r,c2=s'];
      const upTo = (n: number): string => all.slice(0, n).join(' / ');
      expectObservable(out).toBe('-a-b-cd-e-f-g', {
        a: upTo(1),
        b: upTo(2),
        c: upTo(3),
        d: upTo(4),
        e: upTo(5),
        f: upTo(6),
        g: upTo(7),
      });
    });
  });
});
