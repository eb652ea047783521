import { filter, map } from 'rxjs';
import type { Observable } from 'rxjs';
import { chatConversations } from '../src/operators/chatConversations';
import { liveConversations } from '../src/operators/liveConversations';
import { mapChanges } from '../src/operators/mapChanges';
import type { MapChanges } from '../src/operators/mapChanges';
import type { Conversation } from '../src/operators/internal/conversations';
import { chatLog, chatState, scheduler, text } from './helpers';
import { documented } from './documented';
import type { ChatNote } from './helpers';

// Changes as a comparable string: "+added ~updated -removed", each "key=value" (removed: the value it had).
const entries = (m: ReadonlyMap<string, unknown>): string => [...m].map(([k, v]) => `${k}=${String(v)}`).join(',');
const show = (c: MapChanges<string, unknown>): string =>
  `+${entries(c.added)} ~${entries(c.updated)} -${entries(c.removed)}`;
const conv = (id: string, state$: Observable<string>): Conversation<string> => ({ id, kind: 'chat', state$ });

describe('mapChanges', () => {
  const [diagram] = documented('mapChanges');

  test('the diagram in its TSDoc, on plain Maps: the first lists every entry as added; then what was added, updated (===) and removed', () => {
    const d = diagram!;
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ReadonlyMap<string, number>>(d.cold('source'), {
        A: new Map([['a', 1]]),
        B: new Map([
          ['a', 2],
          ['b', 1],
        ]),
        C: new Map([['b', 1]]),
      });
      expectObservable(source.pipe(mapChanges(), map(show))).toBe(d.at('output'), {
        X: '+a=1 ~ -',
        Y: '+b=1 ~a=2 -',
        Z: '+ ~ -a=2',
      });
      expectSubscriptions(source.subscriptions).toBe(`^${'-'.repeat(d.cold('source').length - 2)}!`);
    });
  });

  test('each emission carries the Map itself; the same Map twice has no changes', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const m = new Map([['a', 1]]);
      const source = cold<ReadonlyMap<string, number>>('-A-A-|', { A: m });
      expectObservable(
        source.pipe(
          mapChanges(),
          map((c) => `${c.map === m} ${show(c)}`),
        ),
      ).toBe('-X-Y-|', {
        X: 'true +a=1 ~ -',
        Y: 'true + ~ -',
      });
    });
  });

  test('empty, never, error: passed through', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold<ReadonlyMap<string, number>>('|').pipe(mapChanges())).toBe('|');
      expectObservable(cold<ReadonlyMap<string, number>>('-').pipe(mapChanges())).toBe('-');
      expectObservable(cold<ReadonlyMap<string, number>>('--#').pipe(mapChanges())).toBe('--#');
    });
  });

  test('every subscription starts from an empty Map', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ReadonlyMap<string, number>>('-A-|', { A: new Map([['a', 1]]) });
      const changes = source.pipe(mapChanges(), map(show));
      expectObservable(changes).toBe('-X-|', { X: '+a=1 ~ -' });
      expectObservable(changes).toBe('-X-|', { X: '+a=1 ~ -' });
    });
  });

  test('after liveConversations: one change per emission, a conversation that ends is removed', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ChatNote>('-a-b-c-d-|', {
        a: chatState('c1', 'Chatting'),
        b: chatState('c2', 'Chatting'),
        c: chatLog('c1', text(1)),
        d: chatState('c2', 'Completed'),
      });
      const out = source.pipe(
        chatConversations(),
        liveConversations(),
        mapChanges(),
        map((c) =>
          show({ ...c, added: keysOnly(c.added), updated: keysOnly(c.updated), removed: keysOnly(c.removed) }),
        ),
      );
      expectObservable(out).toBe('-a-b-c-d-|', {
        a: '+c1=_ ~ -',
        b: '+c2=_ ~ -',
        c: '+ ~c1=_ -',
        d: '+ ~ -c2=_',
      });
    });
  });

  test('versions of one live Map with some skipped (as by a throttle): the changes add up; came and went: none', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<Conversation<string>>('-x-y-z-', {
        x: conv('c1', cold('a')),
        y: conv('c2', cold('p')),
        z: conv('c3', cold('(q|)')),
      });
      // Maps: {c1} {c1,c2} {c1,c2,c3} {c1,c2}; every other one is kept.
      const out = source.pipe(
        liveConversations(),
        filter((_, i) => i % 2 === 1),
        mapChanges(),
        map(show),
      );
      expectObservable(out).toBe('---X-Y-', { X: '+c1=a,c2=p ~ -', Y: '+ ~ -' });
    });
  });
});

const keysOnly = (m: ReadonlyMap<string, unknown>): ReadonlyMap<string, string> =>
  new Map([...m.keys()].map((k) => [k, '_']));
