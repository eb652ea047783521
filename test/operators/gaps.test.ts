import fc from 'fast-check';
import { addIndexed, appendMessage, emptyTranscript } from '../../src/operators/transcript';
import type { IndexRange, Transcript } from '../../src/operators/transcript';

// Every version carries its gaps, worked out from the previous version's; these tests hold them to the definition.

interface Msg {
  readonly index: number;
  readonly text?: string;
}
const msg = (index: number): Msg => ({ index, text: `m${index}` });

/** The definition: the missing indices between the lowest and the highest index of the messages. */
const bruteGaps = (t: Transcript<Msg>): IndexRange[] => {
  const sorted = [...new Set(t.toArray().map((m) => m.index))].sort((a, b) => a - b);
  const out: IndexRange[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as number;
    const b = sorted[i] as number;
    if (b > a + 1) out.push({ from: a + 1, to: b - 1 });
  }
  return out;
};

// Inserts: mostly near the end (the common case), some far back or ahead, some duplicates.
const inserts = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: -20, max: 200 }) },
  ),
  { minLength: 1, maxLength: 80 },
);

describe('gaps: property', () => {
  test('after every add, gaps are exactly the missing indices between the lowest and highest seen', () => {
    fc.assert(
      fc.property(inserts, fc.boolean(), (order, readEach) => {
        let t = emptyTranscript<Msg>();
        for (const i of order) {
          t = addIndexed(t, msg(i));
          if (readEach) expect(t.gaps).toEqual(bruteGaps(t));
        }
        expect(t.gaps).toEqual(bruteGaps(t));
      }),
      { numRuns: 500 },
    );
  });

  test('older versions keep their own gaps while later versions and branches are built from them', () => {
    fc.assert(
      fc.property(inserts, inserts, fc.nat(), fc.boolean(), (order, branch, at, readEach) => {
        const versions: Transcript<Msg>[] = [];
        const seen: IndexRange[][] = [];
        let t = emptyTranscript<Msg>();
        for (const i of order) {
          t = addIndexed(t, msg(i));
          versions.push(t);
          seen.push(bruteGaps(t));
          if (readEach) void t.gaps;
        }
        // a second line of versions from one in the middle
        let b = versions[at % versions.length] as Transcript<Msg>;
        for (const i of branch) {
          b = addIndexed(b, msg(i));
          if (readEach) expect(b.gaps).toEqual(bruteGaps(b));
        }
        expect(b.gaps).toEqual(bruteGaps(b));
        versions.forEach((v, k) => expect(v.gaps).toEqual(seen[k]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('gaps: kept, not recomputed', () => {
  test('reading twice gives the same array; an add that changes no gap shares it', () => {
    const t = [1, 5, 6].reduce((acc, i) => addIndexed(acc, msg(i)), emptyTranscript<Msg>());
    const gaps = t.gaps;
    expect(gaps).toEqual([{ from: 2, to: 4 }]);
    expect(t.gaps).toBe(gaps);
    const appended = addIndexed(t, msg(7));
    expect(appended.gaps).toBe(gaps);
    expect(addIndexed(t, msg(6))).toBe(t); // a duplicate: the same transcript
    expect(appendMessage(t, msg(99)).gaps).toBe(gaps);
  });

  test('a handed-out gaps array never changes: a later add that opens a gap copies it', () => {
    const t = [1, 3].reduce((acc, i) => addIndexed(acc, msg(i)), emptyTranscript<Msg>());
    const gaps = t.gaps;
    const wider = addIndexed(t, msg(6));
    expect(wider.gaps).toEqual([
      { from: 2, to: 2 },
      { from: 4, to: 5 },
    ]);
    expect(gaps).toEqual([{ from: 2, to: 2 }]);
  });

  test('a late message shrinks its gap from either end or splits it; filling the last index removes it', () => {
    let t = [1, 10].reduce((acc, i) => addIndexed(acc, msg(i)), emptyTranscript<Msg>());
    t = addIndexed(t, msg(2));
    expect(t.gaps).toEqual([{ from: 3, to: 9 }]);
    t = addIndexed(t, msg(9));
    expect(t.gaps).toEqual([{ from: 3, to: 8 }]);
    t = addIndexed(t, msg(5));
    expect(t.gaps).toEqual([
      { from: 3, to: 4 },
      { from: 6, to: 8 },
    ]);
    for (const i of [3, 4, 6, 7, 8]) t = addIndexed(t, msg(i));
    expect(t.gaps).toEqual([]);
    t = addIndexed(t, msg(-2));
    expect(t.gaps).toEqual([{ from: -1, to: 0 }]);
  });

  test('a deep-frozen transcript (NgRx / Immer freeze what they hold) still takes messages and gaps', () => {
    const deepFreeze = (o: unknown): void => {
      if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
        Object.freeze(o);
        for (const v of Object.values(o)) deepFreeze(v);
      }
    };
    const t = [1, 4].reduce((acc, i) => addIndexed(acc, msg(i)), emptyTranscript<Msg>());
    deepFreeze(t);
    const next = addIndexed(addIndexed(t, msg(8)), msg(2));
    expect(next.gaps).toEqual([
      { from: 3, to: 3 },
      { from: 5, to: 7 },
    ]);
    expect(t.gaps).toEqual([{ from: 2, to: 3 }]);
  });

  test('appendMessage (arrival order) leaves gaps as they are', () => {
    const t = [3, 1, 7].reduce((acc, i) => appendMessage(acc, msg(i)), emptyTranscript<Msg>());
    expect(t.gaps).toEqual([]);
  });

  test('a transcript made outside the module: its gaps are worked out from its messages once', () => {
    const inner = [1, 4, 5].reduce((acc, i) => addIndexed(acc, msg(i)), emptyTranscript<Msg>());
    const foreign: Transcript<Msg> = {
      length: inner.length,
      lastIndex: inner.lastIndex,
      gaps: [],
      at: (i) => inner.at(i),
      tail: (n) => inner.tail(n),
      toArray: () => inner.toArray(),
      [Symbol.iterator]: () => inner[Symbol.iterator](),
    };
    expect(addIndexed(foreign, msg(3)).gaps).toEqual([{ from: 2, to: 2 }]);
    expect(addIndexed(foreign, msg(9)).gaps).toEqual([
      { from: 2, to: 3 },
      { from: 6, to: 8 },
    ]);
  });
});
