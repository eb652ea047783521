/** A run of missing transcript indices, both ends included. */
export interface IndexRange {
  readonly from: number;
  readonly to: number;
}

/**
 * An immutable, ordered transcript. Appending at the end costs O(1) amortized: versions share one append-only
 * backing array and each version sees only its own prefix of it, so no version ever changes after it was made.
 * Inserting a late message in the middle copies (O(n)), which only happens for out-of-order delivery.
 */
export interface Transcript<M> extends Iterable<M> {
  /** Number of messages. */
  readonly length: number;
  /** The highest `index` seen (indexed transcripts), or `undefined`. */
  readonly lastIndex: number | undefined;
  /**
   * Missing indices between the lowest and highest seen, in ascending order, so an app can fetch them (indexed
   * transcripts; {@link appendMessage} leaves them as they are). Kept up to date by every add, so reading is cheap:
   * O(1) for the newest version, and a version that changed no gap returns the very same array as the one it was
   * made from. That array never changes afterwards (do not change it either).
   */
  readonly gaps: readonly IndexRange[];
  /** The message at a position (0-based, in transcript order). */
  at(position: number): M | undefined;
  /** The last `count` messages, oldest first. O(count). */
  tail(count: number): readonly M[];
  /** A copy of all messages, oldest first. O(n). */
  toArray(): readonly M[];
}

/** Gaps of a version: the first `count` ranges of an append-only array that versions share, like their messages. */
interface GapList {
  readonly ranges: IndexRange[];
  readonly count: number;
}

const NO_GAPS: GapList = { ranges: Object.freeze([]) as unknown as IndexRange[], count: 0 };

/**
 * Shared gap arrays that `gaps` has returned: a reader may keep one, so it must never grow. Marked here rather than
 * frozen: every gap opened after a read copies the array, and copying frozen arrays made a build that reads `gaps`
 * after every add about 20× slower (bench/notes.md).
 */
const handedOut = new WeakSet<readonly IndexRange[]>();

/**
 * `list` with one more range at the end: O(1) amortized when `list` owns the end of its shared array and nobody
 * holds or froze that array; else one copy, O(number of gaps).
 */
const gapAppended = (list: GapList, range: IndexRange): GapList => {
  let ranges = list.ranges;
  if (ranges.length !== list.count || handedOut.has(ranges) || !Object.isExtensible(ranges)) {
    ranges = ranges.slice(0, list.count);
  }
  ranges.push(range);
  return { ranges, count: list.count + 1 };
};

/** `list` with the ranges at positions [at, at + removed) replaced (a copy, O(number of gaps)). */
const gapSpliced = (list: GapList, at: number, removed: number, ...added: IndexRange[]): GapList => {
  const ranges = list.ranges.slice(0, list.count);
  ranges.splice(at, removed, ...added);
  return ranges.length === 0 ? NO_GAPS : { ranges, count: ranges.length };
};

/** The gaps between messages in transcript order (for a transcript made outside this module). O(n). */
const gapsOfItems = (items: Iterable<unknown>): GapList => {
  let list = NO_GAPS;
  let previous: number | undefined;
  for (const m of items) {
    const index = (m as { index?: unknown } | null | undefined)?.index;
    if (typeof index !== 'number') continue;
    if (previous !== undefined && index > previous + 1) list = gapAppended(list, { from: previous + 1, to: index - 1 });
    previous = index;
  }
  return list;
};

class TranscriptView<M> implements Transcript<M> {
  constructor(
    /**
     * The append-only array that this version shares with the versions made from it (it reads its own prefix). The
     * short names (`a`, `g`) are for the browser bundle: minifiers keep property names, and this code is in it.
     */
    private readonly a: M[],
    readonly length: number,
    readonly lastIndex: number | undefined,
    /** This version's gaps (read them through `gaps`). @internal */
    readonly g: GapList,
  ) {}

  /**
   * The newest version's gaps are its shared array itself, marked as handed out (so a later add that opens a gap
   * copies it instead of growing what a reader holds): O(1). An older version, whose successors appended ranges
   * past its own, gets a copy of its prefix: O(number of gaps).
   */
  get gaps(): readonly IndexRange[] {
    const { ranges, count } = this.g;
    if (ranges.length !== count) return ranges.slice(0, count);
    if (count > 0) handedOut.add(ranges);
    return ranges;
  }

  at(position: number): M | undefined {
    return position >= 0 && position < this.length ? this.a[position] : undefined;
  }

  tail(count: number): readonly M[] {
    return this.a.slice(Math.max(0, this.length - count), this.length);
  }

  toArray(): readonly M[] {
    return this.a.slice(0, this.length);
  }

  *[Symbol.iterator](): Iterator<M> {
    for (let i = 0; i < this.length; i++) yield this.a[i] as M;
  }

  /** Appends at the end: O(1) when this version owns the end of the backing array, else one copy. @internal */
  pushed(m: M, lastIndex: number | undefined, gapList: GapList): TranscriptView<M> {
    let items = this.a;
    // Copy when another version already appended past us, or when someone froze the array (NgRx runtime checks,
    // Immer's autoFreeze): a frozen backing array must never break the stream.
    if (items.length !== this.length || !Object.isExtensible(items)) items = items.slice(0, this.length);
    items.push(m);
    return new TranscriptView(items, this.length + 1, lastIndex, gapList);
  }

  /** Inserts at a position (copy). @internal */
  inserted(position: number, m: M, gapList: GapList): TranscriptView<M> {
    const items = this.a.slice(0, this.length);
    items.splice(position, 0, m);
    return new TranscriptView(items, this.length + 1, this.lastIndex, gapList);
  }
}

/**
 * The empty transcript.
 *
 * @example
 * ```ts
 * import { emptyTranscript, addIndexed } from 'gws-rx';
 * const t = addIndexed(addIndexed(emptyTranscript(), { index: 2 }), { index: 1 });
 * t.toArray(); // [{ index: 1 }, { index: 2 }]
 * ```
 */
export function emptyTranscript<M>(): Transcript<M> {
  return new TranscriptView<M>([], 0, undefined, NO_GAPS);
}

const view = <M>(t: Transcript<M>): TranscriptView<M> => {
  if (t instanceof TranscriptView) return t;
  const items = [...t];
  return new TranscriptView<M>(items, items.length, t.lastIndex, gapsOfItems(items));
};

/** The position of the gap that starts at `from` in the first `count` ranges, or -1. O(log(number of gaps)). */
const gapStartingAt = (list: GapList, from: number): number => {
  let lo = 0;
  let hi = list.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list.ranges[mid] as IndexRange).from < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.count && (list.ranges[lo] as IndexRange).from === from ? lo : -1;
};

/**
 * Adds a message with an `index` (chat-like transcripts): kept ordered by index; a duplicate index returns the same
 * transcript unchanged (reference-equal); a late message is inserted in place and fills its gap; a jump ahead
 * records the skipped indices in `gaps`. The gaps are updated from the previous version's: an append that opens
 * none shares them (O(1)), a new gap is added at the end (O(1) amortized), a late message splits or shrinks its gap.
 *
 * @example
 * ```ts
 * const t = [3, 1, 3, 5].reduce((acc, index) => addIndexed(acc, { index }), emptyTranscript<{ index: number }>());
 * t.toArray().map((m) => m.index); // [1, 3, 5]
 * t.gaps; // [{ from: 2, to: 2 }, { from: 4, to: 4 }]
 * ```
 */
export function addIndexed<M extends { readonly index: number }>(transcript: Transcript<M>, message: M): Transcript<M> {
  const t = view(transcript);
  const index = message.index;
  const last = t.lastIndex;
  if (last === undefined) return t.pushed(message, index, t.g);
  if (index > last) {
    const gaps = index === last + 1 ? t.g : gapAppended(t.g, { from: last + 1, to: index - 1 });
    return t.pushed(message, index, gaps);
  }
  if (index === last) return t;
  // Binary search for the first position whose index is >= the new one.
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.at(mid) as M).index < index) lo = mid + 1;
    else hi = mid;
  }
  const next = t.at(lo);
  if (next === undefined) return t.pushed(message, last, t.g); // lastIndex said more than the messages hold
  if (next.index === index) return t;
  let gaps = t.g;
  if (lo === 0) {
    // Older than everything: the indices between it and the oldest become the first gap.
    if (index + 1 < next.index) gaps = gapSpliced(gaps, 0, 0, { from: index + 1, to: next.index - 1 });
  } else {
    // In the gap between its neighbours, which shrinks from one end or splits in two.
    const from = (t.at(lo - 1) as M).index + 1;
    const at = gapStartingAt(gaps, from);
    if (at >= 0) {
      const to = (gaps.ranges[at] as IndexRange).to;
      const parts: IndexRange[] = [];
      if (from < index) parts.push({ from, to: index - 1 });
      if (index < to) parts.push({ from: index + 1, to });
      gaps = gapSpliced(gaps, at, 1, ...parts);
    }
  }
  return t.inserted(lo, message, gaps);
}

/**
 * Appends a message in arrival order (transcripts without indices, e.g. IM sessions).
 *
 * @example
 * ```ts
 * const t = appendMessage(emptyTranscript<string>(), 'hello');
 * t.length; // 1
 * ```
 */
export function appendMessage<M>(transcript: Transcript<M>, message: M): Transcript<M> {
  const t = view(transcript);
  return t.pushed(message, t.lastIndex, t.g);
}
