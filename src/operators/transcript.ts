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
  /** Missing indices between the lowest and highest seen, so an app can fetch them (indexed transcripts). */
  readonly gaps: readonly IndexRange[];
  /** The message at a position (0-based, in transcript order). */
  at(position: number): M | undefined;
  /** The last `count` messages, oldest first. O(count). */
  tail(count: number): readonly M[];
  /** A copy of all messages, oldest first. O(n). */
  toArray(): readonly M[];
}

interface Backing<M> {
  readonly items: M[];
}

class TranscriptView<M> implements Transcript<M> {
  private cachedGaps: readonly IndexRange[] | undefined;

  constructor(
    private readonly backing: Backing<M>,
    readonly length: number,
    readonly lastIndex: number | undefined,
  ) {}

  /**
   * Computed on first read and kept for this version: O(n) once, so neither appends nor gaps that appear or close
   * ever cost more than O(1) while the transcript is built (a transcript with many gaps stays linear).
   */
  get gaps(): readonly IndexRange[] {
    if (this.cachedGaps === undefined) {
      const gaps: IndexRange[] = [];
      let previous: number | undefined;
      for (let i = 0; i < this.length; i++) {
        const index = (this.backing.items[i] as { index?: unknown }).index;
        if (typeof index !== 'number') continue;
        if (previous !== undefined && index > previous + 1) gaps.push({ from: previous + 1, to: index - 1 });
        previous = index;
      }
      this.cachedGaps = gaps;
    }
    return this.cachedGaps;
  }

  at(position: number): M | undefined {
    return position >= 0 && position < this.length ? this.backing.items[position] : undefined;
  }

  tail(count: number): readonly M[] {
    return this.backing.items.slice(Math.max(0, this.length - count), this.length);
  }

  toArray(): readonly M[] {
    return this.backing.items.slice(0, this.length);
  }

  *[Symbol.iterator](): Iterator<M> {
    for (let i = 0; i < this.length; i++) yield this.backing.items[i] as M;
  }

  /** Appends at the end: O(1) when this version owns the end of the backing array, else one copy. @internal */
  pushed(m: M, lastIndex: number | undefined): TranscriptView<M> {
    let backing = this.backing;
    // Copy when another version already appended past us, or when someone froze the array (NgRx runtime checks,
    // Immer's autoFreeze): a frozen backing array must never break the stream.
    if (backing.items.length !== this.length || !Object.isExtensible(backing.items)) {
      backing = { items: backing.items.slice(0, this.length) };
    }
    backing.items.push(m);
    return new TranscriptView(backing, this.length + 1, lastIndex);
  }

  /** Inserts at a position (copy). @internal */
  inserted(position: number, m: M): TranscriptView<M> {
    const items = this.backing.items.slice(0, this.length);
    items.splice(position, 0, m);
    return new TranscriptView({ items }, this.length + 1, this.lastIndex);
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
  return new TranscriptView<M>({ items: [] }, 0, undefined);
}

const view = <M>(t: Transcript<M>): TranscriptView<M> => {
  if (t instanceof TranscriptView) return t;
  let out = new TranscriptView<M>({ items: [] }, 0, t.lastIndex);
  for (const m of t) out = out.pushed(m, t.lastIndex);
  return out;
};

/**
 * Adds a message with an `index` (chat-like transcripts): kept ordered by index; a duplicate index returns the same
 * transcript unchanged (reference-equal); a late message is inserted in place and fills its gap; a jump ahead
 * records the skipped indices in `gaps`.
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
  if (last === undefined || index > last) return t.pushed(message, index);
  if (index === last) return t;
  // Binary search for the first position whose index is >= the new one.
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.at(mid) as M).index < index) lo = mid + 1;
    else hi = mid;
  }
  if (lo < t.length && (t.at(lo) as M).index === index) return t;
  return t.inserted(lo, message);
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
  return t.pushed(message, t.lastIndex);
}
