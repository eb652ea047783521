import { addIndexed, appendMessage, emptyTranscript } from '../../src/operators/transcript';
import type { IndexRange, Transcript } from '../../src/operators/transcript';

interface Msg {
  readonly index: number;
  readonly text?: string;
}
const build = (indices: readonly number[]): Transcript<Msg> =>
  indices.reduce((t, index) => addIndexed(t, { index }), emptyTranscript<Msg>());
const idx = (t: Transcript<Msg>): number[] => t.toArray().map((m) => m.index);

describe('transcript: addIndexed', () => {
  test('in order: appended, no gaps, lastIndex follows', () => {
    const t = build([1, 2, 3]);
    expect(idx(t)).toEqual([1, 2, 3]);
    expect(t.gaps).toEqual([]);
    expect(t.lastIndex).toBe(3);
    expect(t.length).toBe(3);
  });

  test('duplicate index returns the very same transcript (first copy wins)', () => {
    const t = addIndexed(emptyTranscript<Msg>(), { index: 1, text: 'first' });
    const same = addIndexed(t, { index: 1, text: 'again' });
    expect(same).toBe(t);
    const t2 = build([1, 3, 5]);
    expect(addIndexed(t2, { index: 3 })).toBe(t2);
    expect(t.at(0)?.text).toBe('first');
  });

  test('jump ahead records the skipped indices as a gap; late messages fill it in place', () => {
    const t = build([1, 5]);
    expect(t.gaps).toEqual<IndexRange[]>([{ from: 2, to: 4 }]);
    const t2 = addIndexed(t, { index: 3 });
    expect(idx(t2)).toEqual([1, 3, 5]);
    expect(t2.gaps).toEqual([
      { from: 2, to: 2 },
      { from: 4, to: 4 },
    ]);
    expect(build([1, 5, 3, 2, 4]).gaps).toEqual([]);
  });

  test('a message older than everything: inserted first, the indices between become a gap', () => {
    const t = build([7, 8, 2]);
    expect(idx(t)).toEqual([2, 7, 8]);
    expect(t.gaps).toEqual([{ from: 3, to: 6 }]);
    expect(t.lastIndex).toBe(8);
  });

  test('older versions are unchanged by later appends, branches and inserts (structural sharing is safe)', () => {
    const base = build([1, 2]);
    const a = addIndexed(base, { index: 3, text: 'a' });
    const b = addIndexed(base, { index: 3, text: 'b' }); // a second branch from the same version
    const c = addIndexed(a, { index: 0 });
    expect(idx(base)).toEqual([1, 2]);
    expect(base.length).toBe(2);
    expect(a.at(2)?.text).toBe('a');
    expect(b.at(2)?.text).toBe('b');
    expect(idx(a)).toEqual([1, 2, 3]);
    expect(idx(c)).toEqual([0, 1, 2, 3]);
    expect([...base].map((m) => m.index)).toEqual([1, 2]);
  });

  test('toArray returns a copy: mutating it does not change the transcript', () => {
    const t = build([1, 2]);
    (t.toArray() as Msg[]).push({ index: 99 });
    expect(idx(t)).toEqual([1, 2]);
  });

  test('at, tail and iteration', () => {
    const t = build([1, 2, 3, 4]);
    expect(t.at(-1)).toBeUndefined();
    expect(t.at(4)).toBeUndefined();
    expect(t.at(1)?.index).toBe(2);
    expect(t.tail(2).map((m) => m.index)).toEqual([3, 4]);
    expect(t.tail(10).map((m) => m.index)).toEqual([1, 2, 3, 4]);
    expect([...t].map((m) => m.index)).toEqual([1, 2, 3, 4]);
  });

  test('works on a transcript implemented outside the module (any Transcript)', () => {
    const inner = build([1, 2]);
    const foreign: Transcript<Msg> = {
      length: inner.length,
      lastIndex: inner.lastIndex,
      gaps: inner.gaps,
      at: (i) => inner.at(i),
      tail: (n) => inner.tail(n),
      toArray: () => inner.toArray(),
      [Symbol.iterator]: () => inner[Symbol.iterator](),
    };
    expect(idx(addIndexed(foreign, { index: 4 }))).toEqual([1, 2, 4]);
    expect(addIndexed(foreign, { index: 4 }).gaps).toEqual([{ from: 3, to: 3 }]);
  });
});

describe('transcript: appendMessage', () => {
  test('arrival order, equal messages kept (IM has no index)', () => {
    const t = ['a', 'b', 'a'].reduce((acc, m) => appendMessage(acc, m), emptyTranscript<string>());
    expect(t.toArray()).toEqual(['a', 'b', 'a']);
    expect(t.lastIndex).toBeUndefined();
    expect(t.gaps).toEqual([]);
  });

  test('appending to an older version does not disturb the newer one', () => {
    const one = appendMessage(emptyTranscript<string>(), 'x');
    const two = appendMessage(one, 'y');
    const other = appendMessage(one, 'z');
    expect(two.toArray()).toEqual(['x', 'y']);
    expect(other.toArray()).toEqual(['x', 'z']);
    expect(one.toArray()).toEqual(['x']);
  });
});

describe('transcripts with many gaps', () => {
  test('50k messages with every other index missing: each gap listed once, kept per version as it is built', () => {
    let t = emptyTranscript<{ index: number }>();
    const versions: (typeof t)[] = [];
    for (let i = 0; i < 50_000; i++) {
      t = addIndexed(t, { index: i * 2 });
      if (i === 10) versions.push(t);
    }
    expect(t.length).toBe(50_000);
    expect(t.gaps).toHaveLength(49_999);
    expect(t.gaps[0]).toEqual({ from: 1, to: 1 });
    expect(t.gaps.at(-1)).toEqual({ from: 99_997, to: 99_997 });
    // An older version still reports its own gaps, and a filled gap disappears only from the new version.
    expect(versions[0]?.gaps).toHaveLength(10);
    const filled = addIndexed(t, { index: 1 });
    expect(filled.gaps).toHaveLength(49_998);
    expect(t.gaps).toHaveLength(49_999);
  });
});
