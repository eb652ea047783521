import fc from 'fast-check';
import { changedKeys, snapshotMap } from '../../src/operators/internal/snapshotMap';
import type { SnapshotMap } from '../../src/operators/internal/snapshotMap';
import { changesOf } from '../../src/operators/mapChanges';
import type { MapChanges } from '../../src/operators/mapChanges';

// An update: set a key to a value, or remove it (value undefined); `from` picks the version it applies to (most
// often the newest, sometimes an older one, which forks).
const op = fc.record({
  key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  value: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  from: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
  read: fc.option(fc.nat(), { nil: undefined }),
});

const entriesOf = (m: ReadonlyMap<string, number>): [string, number][] => [...m];

/** What a Map copied and updated the same way holds, in its iteration order. */
const modelWith = (m: ReadonlyMap<string, number>, key: string, value: number | undefined): Map<string, number> => {
  const next = new Map(m);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
};

describe('SnapshotMap (the versions behind the live Maps)', () => {
  test('a key removed and set again keeps the older versions in their own order (a counterexample the property found)', () => {
    const v1 = snapshotMap<number>().with('b', 0);
    const v2 = v1.with('a', 0);
    const v3 = v2.with('b', undefined);
    const v4 = v3.with('b', 0);
    expect([...v4.keys()]).toEqual(['a', 'b']);
    expect([...v3.keys()]).toEqual(['a']);
    expect([...v2.keys()]).toEqual(['b', 'a']);
    expect([...v1.keys()]).toEqual(['b']);
  });

  test('every version, read at any time in any order, holds what a copied Map would (entries and their order)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const versions: SnapshotMap<number>[] = [snapshotMap<number>()];
        const models: Map<string, number>[] = [new Map()];
        for (const { key, value, from, read } of ops) {
          const at = from === undefined ? versions.length - 1 : from % versions.length;
          versions.push((versions[at] as SnapshotMap<number>).with(key, value));
          models.push(modelWith(models[at] as Map<string, number>, key, value));
          if (read !== undefined) {
            const r = read % versions.length;
            expect(entriesOf(versions[r] as SnapshotMap<number>)).toEqual(entriesOf(models[r] as Map<string, number>));
          }
        }
        // Compared as one string per version: entries in order, size, keys, values, get and has of every key.
        const summary = (m: ReadonlyMap<string, number>): string =>
          JSON.stringify([
            entriesOf(m),
            m.size,
            [...m.keys()],
            [...m.values()],
            ['a', 'b', 'c', 'd', 'e'].map((k) => [m.get(k) ?? null, m.has(k)]),
          ]);
        expect(versions.map(summary)).toEqual(models.map(summary));
      }),
      { numRuns: 100 },
    );
  });

  test('changedKeys lists exactly the keys whose value differs or that came and went, with their old values', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.nat(), (ops, start) => {
        let v = snapshotMap<number>();
        const versions = [v];
        for (const { key, value } of ops) versions.push((v = v.with(key, value)));
        const before = versions[start % versions.length] as SnapshotMap<number>;
        const changed = changedKeys(before, v);
        if (changed === undefined) return; // a new store was started in between: callers compare the maps
        for (const k of ['a', 'b', 'c', 'd', 'e']) {
          if (before.get(k) !== v.get(k)) expect(changed.has(k)).toBe(true);
          if (changed.has(k)) expect(changed.get(k)).toBe(before.get(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('with() returns the same version when nothing changes; size follows additions and removals', () => {
    const a = snapshotMap<number>([['x', 1]]);
    expect(a.with('x', 1)).toBe(a);
    expect(a.with('y', undefined)).toBe(a);
    const b = a.with('y', 2);
    expect(b.size).toBe(2);
    expect(b.with('x', undefined).size).toBe(1);
    expect(a.size).toBe(1);
  });

  test('a long history: 10,000 updates over 50 keys, the first and a middle version still read right', () => {
    let v = snapshotMap<number>([['k0', -1]]);
    let model = new Map<string, number>([['k0', -1]]);
    const first = v;
    let middle = v;
    let middleModel = model;
    for (let i = 0; i < 10_000; i++) {
      const key = `k${i % 50}`;
      const value = i % 7 === 0 ? undefined : i;
      v = v.with(key, value);
      model = modelWith(model, key, value);
      if (i === 5_000) [middle, middleModel] = [v, model];
    }
    expect(entriesOf(first)).toEqual([['k0', -1]]);
    expect(entriesOf(middle)).toEqual(entriesOf(middleModel));
    expect(entriesOf(v)).toEqual(entriesOf(model));
  });

  test('forEach passes value, key and the map, with thisArg; iteration is a copy that later versions do not change', () => {
    const a = snapshotMap<number>([
      ['x', 1],
      ['y', 2],
    ]);
    const seen: string[] = [];
    const ctx = { tag: 't' };
    a.forEach(function (this: typeof ctx, value, key, map) {
      seen.push(`${this.tag}:${key}=${value}:${map === a}`);
    }, ctx);
    expect(seen).toEqual(['t:x=1:true', 't:y=2:true']);
    const it = a.entries();
    const b = a.with('z', 3).with('x', undefined);
    expect([...it]).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
    expect([...b]).toEqual([
      ['y', 2],
      ['z', 3],
    ]);
  });
});

describe('mapChanges between versions of one map', () => {
  test('what the diff chain says equals what comparing the two maps says', () => {
    const describeChanges = (c: MapChanges<string, number>): string =>
      JSON.stringify([[...c.added], [...c.updated], [...c.removed].sort()]);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.nat(), fc.nat(), (ops, i, j) => {
        let v = snapshotMap<number>();
        const versions = [v];
        for (const { key, value } of ops) versions.push((v = v.with(key, value)));
        const [a, b] = [i % versions.length, j % versions.length].sort((x, y) => x - y);
        const before = versions[a as number] as SnapshotMap<number>;
        const after = versions[b as number] as SnapshotMap<number>;
        const viaChain = changesOf(before, after);
        const viaCompare = changesOf(new Map(before), new Map(after));
        expect(viaChain.map).toBe(after);
        // Added and updated follow the order of the changes on one side and of the map on the other: compare sets.
        const sorted = (c: MapChanges<string, number>): MapChanges<string, number> => ({
          map: c.map,
          added: new Map([...c.added].sort()),
          updated: new Map([...c.updated].sort()),
          removed: c.removed,
        });
        expect(describeChanges(sorted(viaChain))).toBe(describeChanges(sorted(viaCompare)));
      }),
      { numRuns: 300 },
    );
  });
});
