import { Observable } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { Resync } from '../../protocol/resync';
import { SnapshotMap, snapshotMap } from './snapshotMap';

/**
 * Folds notifications into a Map by key: `update` returns the next Map, or the same one when nothing changed
 * (then nothing is emitted). Every subscription starts from `initial`, which is emitted on subscribe when it is not
 * empty (a seeded snapshot). Neither `initial` nor the Map handed to `update` may be mutated: make the next Map with
 * {@link withEntry} / {@link withoutEntry}, which cost O(1) on the Maps of {@link byId} and their versions (any
 * other Map is copied once into such a Map). @internal
 */
export function keyedState<N, V>(
  update: (current: ReadonlyMap<string, V>, notification: N) => ReadonlyMap<string, V>,
  initial: ReadonlyMap<string, V> = new Map(),
): OperatorFunction<N, ReadonlyMap<string, V>> {
  return (source) =>
    new Observable<ReadonlyMap<string, V>>((subscriber) => {
      let current = initial;
      if (current.size > 0) subscriber.next(current);
      return source.subscribe({
        next: (n) => {
          const next = update(current, n);
          if (next !== current) {
            current = next;
            subscriber.next(current);
          }
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      });
    });
}

/** A Map of `items` by their `id` (a persistent one: see {@link withEntry}); the last one wins for a repeated id. @internal */
export const byId = <V extends { readonly id: string }>(items: readonly V[] = []): ReadonlyMap<string, V> =>
  snapshotMap(items.map((item) => [item.id, item] as const));

/** `m` as a persistent Map: itself when it is one, else a copy. */
const persistent = <V>(m: ReadonlyMap<string, V>): SnapshotMap<V> => (m instanceof SnapshotMap ? m : snapshotMap(m));

/**
 * `m` with `key` set to `value`: a new Map, `m` unchanged. O(1) when `m` came from {@link byId} or these functions
 * (the newest version of it), else a copy. @internal
 */
export const withEntry = <V>(m: ReadonlyMap<string, V>, key: string, value: V): ReadonlyMap<string, V> =>
  persistent(m).with(key, value);

/** `m` without `key` (a new Map; `m` itself when it has no `key`). O(1) like {@link withEntry}. @internal */
export const withoutEntry = <V>(m: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> =>
  m.has(key) ? persistent(m).with(key, undefined) : m;

/**
 * `m` after a state read: the listed entries put in place (`value` turns a listed resource into its Map value), the
 * removed ids gone; `m` itself when the read changes nothing (then nothing is emitted). O(entries read), like
 * {@link withEntry}. @internal
 */
export const resynced = <R extends { readonly id: string }, V>(
  m: ReadonlyMap<string, V>,
  r: Resync<R, unknown>,
  value: (resource: R) => V,
): ReadonlyMap<string, V> => {
  if (r.resources.length === 0 && !r.removed.some((id) => m.has(id))) return m;
  let next = persistent(m);
  for (const resource of r.resources) next = next.with(resource.id, value(resource));
  for (const id of r.removed) next = next.with(id, undefined);
  return next;
};
