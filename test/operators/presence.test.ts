import fc from 'fast-check';
import { reduceConversation } from '../../src/operators/reduceConversation';
import type {
  ConversationEvent,
  ConversationKind,
  ConversationState,
  PresentParticipant,
} from '../../src/operators/reduceConversation';

// Presence and typing are a function of the transcript, not of the order its entries arrived in: for indexed
// transcripts they are what a left-to-right fold over the transcript (in index order) gives.

interface Res {
  readonly id: string;
  readonly state?: string;
}
interface Msg {
  readonly index: number;
  readonly type: string;
  readonly from?: { readonly nickname?: string; readonly participantId?: string; readonly type?: string };
}
type S = ConversationState<Res, Msg>;
type E = ConversationEvent<Res, Msg>;

const TYPES = ['Text', 'ParticipantJoined', 'ParticipantRejoined', 'ParticipantLeft', 'TypingStarted', 'TypingStopped'];
const by = (index: number, type: string, who: string): Msg => ({
  index,
  type,
  from: { nickname: `nick-${who}`, participantId: who, type: who === 'customer' ? 'Client' : 'Agent' },
});
const msgs = (...messages: Msg[]): E => ({ type: 'messages', id: 'c1', messages });
const start = (kind: ConversationKind = 'chat'): S =>
  reduceConversation<Res, Msg>(
    undefined,
    { type: 'resource', id: 'c1', resource: { id: 'c1', state: 'Chatting' } },
    { kind, now: 0 },
  ) as S;
/** Delivers the batches one event each, starting from a fresh Chatting state. */
const deliver = (batches: readonly (readonly Msg[])[], kind: ConversationKind = 'chat'): S =>
  batches.reduce<S>((s, batch, i) => reduceConversation(s, msgs(...batch), { kind, now: i + 1 }) as S, start(kind));
const ids = (present: readonly PresentParticipant[]): string[] => present.map((p) => p.id);
const indices = (s: S): number[] => s.transcript.toArray().map((m) => m.index);

/** The definition, written independently of the reducer: fold the entries in index order. */
const reference = (entries: readonly Msg[]): { present: PresentParticipant[]; typing: string[] } => {
  let present: PresentParticipant[] = [];
  let typing: string[] = [];
  for (const m of [...entries].sort((a, b) => a.index - b.index)) {
    const id = m.from?.participantId ?? m.from?.nickname;
    if (id === undefined) continue;
    switch (m.type.trim()) {
      case 'ParticipantJoined':
      case 'ParticipantRejoined':
        if (!present.some((p) => p.id === id))
          present = [...present, { id, nickname: m.from?.nickname, type: m.from?.type }];
        break;
      case 'ParticipantLeft':
        present = present.filter((p) => p.id !== id);
        typing = typing.filter((t) => t !== id);
        break;
      case 'TypingStarted':
        if (!typing.includes(id)) typing = [...typing, id];
        break;
      case 'TypingStopped':
      case 'Text':
        typing = typing.filter((t) => t !== id);
        break;
      default:
        break;
    }
  }
  return { present, typing };
};

describe('presence and typing follow the ordered transcript (indexed transcripts)', () => {
  test('a ParticipantJoined that arrives late, filling a gap, makes the participant present', () => {
    const s = deliver([
      [by(2, 'ParticipantJoined', 'agent')],
      [by(3, 'Text', 'agent')],
      [by(1, 'ParticipantJoined', 'customer')],
    ]);
    expect(indices(s)).toEqual([1, 2, 3]);
    expect(ids(s.present)).toEqual(['customer', 'agent']);
    expect(s.present[0]).toEqual({ id: 'customer', nickname: 'nick-customer', type: 'Client' });
  });

  test('a batch [index 2 Joined agent, index 1 Joined customer] makes both present, in transcript order', () => {
    const s = deliver([[by(2, 'ParticipantJoined', 'agent'), by(1, 'ParticipantJoined', 'customer')]]);
    expect(ids(s.present)).toEqual(['customer', 'agent']);
    expect(s.present).toEqual(
      deliver([[by(1, 'ParticipantJoined', 'customer'), by(2, 'ParticipantJoined', 'agent')]]).present,
    );
  });

  test('a late ParticipantLeft removes the participant (and stops their typing)', () => {
    const s = deliver([
      [by(1, 'ParticipantJoined', 'customer'), by(2, 'ParticipantJoined', 'agent'), by(3, 'TypingStarted', 'customer')],
      [by(5, 'Text', 'agent')],
    ]);
    expect(ids(s.present)).toEqual(['customer', 'agent']);
    expect(s.typing).toEqual(['customer']);
    const left = reduceConversation(s, msgs(by(4, 'ParticipantLeft', 'customer')), { kind: 'chat', now: 9 }) as S;
    expect(ids(left.present)).toEqual(['agent']);
    expect(left.typing).toEqual([]);
  });

  test('a late ParticipantLeft that comes before a later join does not remove the participant', () => {
    const s = deliver([
      [by(1, 'ParticipantJoined', 'a'), by(3, 'ParticipantRejoined', 'a')],
      [by(2, 'ParticipantLeft', 'a')],
    ]);
    expect(ids(s.present)).toEqual(['a']);
  });

  test('a late TypingStarted counts only if nothing from that participant follows it', () => {
    const stale = deliver([[by(5, 'Text', 'a')], [by(2, 'TypingStarted', 'a')]]);
    expect(indices(stale)).toEqual([2, 5]);
    expect(stale.typing).toEqual([]);
    const live = deliver([[by(5, 'Text', 'b')], [by(2, 'TypingStarted', 'a')]]);
    expect(live.typing).toEqual(['a']);
  });

  test('a late Text from a typing participant stops their typing; from someone else it changes nothing', () => {
    const s = deliver([[by(1, 'TypingStarted', 'a'), by(3, 'TypingStarted', 'b')]]);
    expect(s.typing).toEqual(['a', 'b']);
    expect(deliver([[by(1, 'TypingStarted', 'a'), by(3, 'TypingStarted', 'b')], [by(2, 'Text', 'a')]]).typing).toEqual([
      'b',
    ]);
    const other = reduceConversation(s, msgs(by(2, 'Text', 'c')), { kind: 'chat', now: 5 }) as S;
    expect(other.typing).toBe(s.typing);
    expect(other.present).toBe(s.present);
  });

  test('a late entry that changes neither presence nor typing keeps both arrays (reference-equal)', () => {
    const s = deliver([[by(1, 'ParticipantJoined', 'a'), by(2, 'TypingStarted', 'a'), by(5, 'Text', 'b')]]);
    const late = reduceConversation(s, msgs(by(3, 'ParticipantJoined', 'a')), { kind: 'chat', now: 5 }) as S;
    expect(indices(late)).toEqual([1, 2, 3, 5]);
    expect(late.present).toBe(s.present);
    expect(late.typing).toBe(s.typing);
  });

  test('duplicates change nothing: the same state comes back', () => {
    const s = deliver([[by(1, 'ParticipantJoined', 'a'), by(3, 'ParticipantLeft', 'a')]]);
    expect(reduceConversation(s, msgs(by(1, 'ParticipantJoined', 'a')), { kind: 'chat', now: 7 })).toBe(s);
    expect(reduceConversation(s, msgs(by(3, 'ParticipantJoined', 'b')), { kind: 'chat', now: 7 })).toBe(s);
  });

  test('IM (arrival order) is unchanged: entries act in the order they arrive', () => {
    const s = deliver(
      [[by(2, 'TypingStarted', 'a')], [by(1, 'Text', 'a')], [by(4, 'ParticipantJoined', 'b')]],
      'imSession',
    );
    expect(indices(s)).toEqual([2, 1, 4]);
    expect(s.typing).toEqual([]);
    expect(ids(s.present)).toEqual(['b']);
    const typing = deliver([[by(1, 'Text', 'a')], [by(2, 'TypingStarted', 'a')]], 'imSession');
    expect(typing.typing).toEqual(['a']);
  });
});

// A set of entries with distinct indices from a few participants, and one way they may arrive: any permutation,
// cut into batches of any size, some entries delivered twice.
const entry = (index: number): fc.Arbitrary<Msg> =>
  fc
    .record({ type: fc.constantFrom(...TYPES), who: fc.constantFrom('a', 'b', 'c', 'nick-only') })
    .map(({ type, who }) => (who === 'nick-only' ? { index, type, from: { nickname: 'Ann' } } : by(index, type, who)));
const arrivals = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 })
  .chain((idx) => fc.tuple(...idx.map(entry)))
  .chain((entries) =>
    fc
      .tuple(
        fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
        fc.array(fc.constantFrom(...entries), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }),
      )
      .chain(([order, dups, sizes]) =>
        fc.shuffledSubarray([...order, ...dups], { minLength: order.length + dups.length }).map((all) => {
          const batches: Msg[][] = [];
          for (let at = 0, k = 0; at < all.length; k++) {
            const size = sizes[k % sizes.length] as number;
            batches.push(all.slice(at, at + size));
            at += size;
          }
          return { entries, batches };
        }),
      ),
  );

describe('presence and typing: property', () => {
  test('any arrival order and batching of one set of entries gives the state of in-order arrival', () => {
    fc.assert(
      fc.property(arrivals, ({ entries, batches }) => {
        const sorted = [...entries].sort((a, b) => a.index - b.index);
        const inOrder = deliver(sorted.map((m) => [m]));
        const shuffled = deliver(batches);
        expect(shuffled.transcript.toArray()).toEqual(inOrder.transcript.toArray());
        expect(shuffled.transcript.gaps).toEqual(inOrder.transcript.gaps);
        expect(shuffled.present).toEqual(inOrder.present);
        expect(shuffled.typing).toEqual(inOrder.typing);
        // and both are the fold over the ordered transcript
        const expected = reference(entries);
        expect(inOrder.present).toEqual(expected.present);
        expect(inOrder.typing).toEqual(expected.typing);
      }),
      { numRuns: 500 },
    );
  });

  test('every intermediate state is the fold over its own transcript', () => {
    fc.assert(
      fc.property(arrivals, ({ batches }) => {
        let s = start();
        for (const [i, batch] of batches.entries()) {
          s = reduceConversation(s, msgs(...batch), { kind: 'chat', now: i + 1 }) as S;
          const expected = reference(s.transcript.toArray());
          expect(s.present).toEqual(expected.present);
          expect(s.typing).toEqual(expected.typing);
        }
      }),
      { numRuns: 300 },
    );
  });
});
