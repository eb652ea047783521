// The Maps the Map operators emit (liveConversations, deviceStates, serviceStates, workbinContents): immutable
// versions of one mutable Map, so that an update costs O(1) whatever the number of entries (bench/notes.md, "Live
// Maps"). Property names are short because this code is in every browser bundle that folds conversations into a Map.

/**
 * One version of a persistent `ReadonlyMap<string, V>`: `with(key, value)` returns the next version in O(1), and
 * every version keeps its content for as long as someone holds it.
 *
 * How: the newest version (the head) holds a mutable `Map`, the store. Making the next version moves the store to
 * it and leaves in the old one a diff: which key changed and the value it had (a version chain after Conchon and
 * Filliâtre's persistent arrays). Reading the head reads the store; reading an older version the first time copies
 * the store and undoes the diffs between (O(size + versions since)), and that version then keeps the copy.
 * A removed key stays in the store with the value `undefined` (a tombstone), so restoring it in an old version puts
 * it back in its place: iteration order is that of a `Map` updated the same way (a removed key set again starts a new
 * store, since it moves to the end). Every `max(size, 32)` updates the
 * head starts a new store holding only live entries (O(size), so O(1) amortized), which drops the tombstones and
 * caps what a kept old version holds on to: its diffs up to the next new store, and that store.
 *
 * Values are never `undefined` (`with(key, undefined)` removes the key). Not exported from the package: the
 * operators type it as `ReadonlyMap`. @internal
 */
export class SnapshotMap<V> implements ReadonlyMap<string, V> {
  /** A diff version: the next version, */
  n: SnapshotMap<V> | undefined;
  /** the key that changed from this version to the next, */
  k: string | undefined;
  /** and its value here. */
  o: V | undefined;

  constructor(
    readonly size: number,
    /** The store, when this version holds one (the head, or an old version read once): `undefined` = removed. */
    public d: Map<string, V | undefined> | undefined,
    /** Updates since this version's store was started. */
    private readonly u = 0,
  ) {}

  /** This version's content as a Map that may hold tombstones (copied from the store on the first read). */
  private m(): Map<string, V | undefined> {
    if (this.d) return this.d;
    const undo = new Map<string | undefined, V | undefined>();
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let s: SnapshotMap<V> = this;
    for (; !s.d; s = s.n as SnapshotMap<V>) if (!undo.has(s.k)) undo.set(s.k, s.o);
    const d = new Map(s.d);
    for (const [k, o] of undo) d.set(k as string, o);
    this.n = this.o = undefined;
    return (this.d = d);
  }

  /**
   * The next version, with `key` set to `value`, or without `key` when `value` is `undefined`; this version itself
   * when that changes nothing. O(1) amortized on the newest version; on an older one, a copy (O(size)).
   */
  with(key: string, value: V | undefined): SnapshotMap<V> {
    let d = this.m();
    const old = d.get(key);
    if (old === value) return this;
    let u = this.u + 1;
    // A key removed earlier in this store and now set again would move to the end of the store, and so in the older
    // versions rebuilt from it too: that takes a new store as well.
    if (u > Math.max(this.size, 32) || (old === undefined && d.has(key))) {
      // A new store of the live entries; this version keeps the old one, which nothing changes any more.
      d = new Map(this.e());
      u = 0;
    } else {
      this.d = undefined;
      this.k = key;
      this.o = old;
    }
    // An added key goes to the end, like Map.set; a removed one leaves a tombstone in its place.
    if (old === undefined) d.delete(key);
    d.set(key, value);
    const next = new SnapshotMap(this.size + (value === undefined ? -1 : old === undefined ? 1 : 0), d, u);
    if (u) this.n = next;
    return next;
  }

  /** The live entries, in a new array (so iterating never sees a later version). */
  private e(): [string, V][] {
    return [...this.m()].filter((e) => e[1] !== undefined) as [string, V][];
  }

  get(key: string): V | undefined {
    return this.m().get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.e().forEach(([k, v]) => callback.call(thisArg, v, k, this));
  }

  entries(): MapIterator<[string, V]> {
    return this.e().values() as unknown as MapIterator<[string, V]>;
  }

  keys(): MapIterator<string> {
    return this.e()
      .map((e) => e[0])
      .values() as unknown as MapIterator<string>;
  }

  values(): MapIterator<V> {
    return this.e()
      .map((e) => e[1])
      .values() as unknown as MapIterator<V>;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** A first version holding `entries` (the last one wins for a repeated key). @internal */
export const snapshotMap = <V>(entries: Iterable<readonly [string, V]> = []): SnapshotMap<V> => {
  const d = new Map<string, V | undefined>(entries);
  return new SnapshotMap(d.size, d);
};

/**
 * What changed from `before` to `after`, a later version of the same map: each key that changed, with its value in
 * `before` (`undefined`: absent), in the order of the changes; O(number of updates between). `undefined` when
 * `after` cannot be reached from `before` through diffs (not a later version, an old version that was read, or
 * a new store was started in between): compare the two maps then. @internal
 */
export const changedKeys = <V>(
  before: SnapshotMap<V>,
  after: SnapshotMap<V>,
): ReadonlyMap<string, V | undefined> | undefined => {
  const old = new Map<string, V | undefined>();
  for (let s: SnapshotMap<V> | undefined = before; s !== after; s = s.n) {
    if (!s || s.d) return undefined;
    if (!old.has(s.k as string)) old.set(s.k as string, s.o);
  }
  return old;
};
