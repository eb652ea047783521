import fc from 'fast-check';
import { NEVER, concat, from } from 'rxjs';
import { chatConversations } from '../../src/operators/chatConversations';
import { liveConversations } from '../../src/operators/liveConversations';
import { addIndexed, emptyTranscript } from '../../src/operators/transcript';
import type { Transcript } from '../../src/operators/transcript';

interface Msg {
  readonly index: number;
  readonly text: string;
}
const msg = (index: number): Msg => ({ index, text: `m${index}` });
const build = (indices: readonly number[]): Transcript<Msg> =>
  indices.reduce((t, i) => addIndexed(t, msg(i)), emptyTranscript<Msg>());
const gapsOf = (sortedUnique: readonly number[]): { from: number; to: number }[] => {
  const out: { from: number; to: number }[] = [];
  for (let i = 1; i < sortedUnique.length; i++) {
    const a = sortedUnique[i - 1] as number;
    const b = sortedUnique[i] as number;
    if (b > a + 1) out.push({ from: a + 1, to: b - 1 });
  }
  return out;
};

// A transcript's messages, plus some of them again, in any order.
const deliveries = fc
  .uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 })
  .chain((indices) =>
    fc
      .array(fc.constantFrom(...indices), { maxLength: 20 })
      .chain((dups) =>
        fc
          .shuffledSubarray([...indices, ...dups], { minLength: indices.length + dups.length })
          .map((order) => ({ indices, order })),
      ),
  );

describe('transcript properties', () => {
  test('any permutation + duplication of the messages yields the same transcript and gaps as in-order delivery', () => {
    fc.assert(
      fc.property(deliveries, ({ indices, order }) => {
        const sorted = [...indices].sort((a, b) => a - b);
        const expected = build(sorted);
        const actual = build(order);
        expect(actual.toArray()).toEqual(expected.toArray());
        expect(actual.gaps).toEqual(expected.gaps);
        expect(actual.lastIndex).toBe(sorted[sorted.length - 1]);
      }),
      { numRuns: 300 },
    );
  });

  test('gaps are exactly the missing indices between the lowest and highest seen', () => {
    fc.assert(
      fc.property(deliveries, ({ indices, order }) => {
        expect(build(order).gaps).toEqual(gapsOf([...indices].sort((a, b) => a - b)));
      }),
      { numRuns: 300 },
    );
  });

  test('every intermediate version stays as it was while later versions are built from it', () => {
    fc.assert(
      fc.property(deliveries, ({ order }) => {
        const versions: Transcript<Msg>[] = [];
        const frozen: number[][] = [];
        let t = emptyTranscript<Msg>();
        for (const i of order) {
          t = addIndexed(t, msg(i));
          versions.push(t);
          frozen.push(t.toArray().map((m) => m.index));
        }
        versions.forEach((v, k) => expect(v.toArray().map((m) => m.index)).toEqual(frozen[k]));
      }),
      { numRuns: 100 },
    );
  });
});

// Narrower than ChatsNotification (every chat has a state, every log a chatPath) and assignable to it: the operator
// takes these as they are. `messages` is a mutable array, as in the io-ts types.
type ChatNote =
  | { readonly messageType: 'ChatStateChangeMessage'; readonly chat: { readonly id: string; readonly state: string } }
  | {
      readonly messageType: 'MessageLogUpdated';
      readonly chatPath: string;
      readonly messages: { readonly index: number; readonly type: string }[];
    };

const note: fc.Arbitrary<ChatNote> = fc.oneof(
  fc.record({
    messageType: fc.constant('ChatStateChangeMessage' as const),
    chat: fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3'),
      state: fc.constantFrom('Invited', 'Accepted', 'Chatting', 'Completed', 'Revoked', ' Completed '),
    }),
  }),
  fc.record({
    messageType: fc.constant('MessageLogUpdated' as const),
    chatPath: fc.constantFrom('/chats/c1', '/chats/c2', '/chats/c3'),
    messages: fc.array(
      fc.record({ index: fc.integer({ min: 1, max: 10 }), type: fc.constantFrom('Text', 'TypingStarted') }),
      { maxLength: 3 },
    ),
  }),
);

describe('conversation properties', () => {
  test('after any message sequence: no state$ emits after an ended state, and an ended state$ completed', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 40 }), (seq) => {
        const log: { id: string; ended: boolean; completed: boolean; afterEnd: boolean }[] = [];
        const sub = concat(from(seq), NEVER)
          .pipe(chatConversations())
          .subscribe((c) => {
            const entry = { id: c.id, ended: false, completed: false, afterEnd: false };
            log.push(entry);
            c.state$.subscribe({
              next: (s) => {
                if (entry.ended) entry.afterEnd = true;
                entry.ended = s.ended;
              },
              complete: () => (entry.completed = true),
            });
          });
        sub.unsubscribe();
        for (const e of log) {
          expect(e.afterEnd).toBe(false);
          // Before the unsubscribe above completed the rest, ended ones had completed; live ones complete only now.
          if (e.ended) expect(e.completed).toBe(true);
        }
        // At most one live conversation per id.
        const live = log.filter((e) => !e.ended).map((e) => e.id);
        expect(new Set(live).size).toBe(live.length);
      }),
      { numRuns: 300 },
    );
  });

  test('after any message sequence: the latest dashboard snapshot holds no ended conversation', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 40 }), (seq) => {
        let latest: ReadonlyMap<string, { ended: boolean; state: string | undefined }> = new Map();
        const sub = concat(from(seq), NEVER)
          .pipe(chatConversations(), liveConversations())
          .subscribe((m) => (latest = m));
        sub.unsubscribe();
        for (const s of latest.values()) expect(s.ended).toBe(false);
        // And every chat whose last state change was not an end state is in it.
        const last = new Map<string, string>();
        for (const n of seq) if (n.messageType === 'ChatStateChangeMessage') last.set(n.chat.id, n.chat.state.trim());
        const expectedLive = [...last].filter(([, st]) => st !== 'Completed' && st !== 'Revoked').map(([id]) => id);
        expect([...latest.keys()].sort()).toEqual(expectedLive.sort());
      }),
      { numRuns: 300 },
    );
  });
});
