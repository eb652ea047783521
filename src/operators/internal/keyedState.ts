import { Observable } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { Resync } from '../../protocol/resync';

/**
 * Folds notifications into a Map by key: `update` returns the next Map, or the same one when nothing changed
 * (then nothing is emitted). Every subscription starts from `initial`, which is emitted on subscribe when it is not
 * empty (a seeded snapshot). Neither `initial` nor the Map handed to `update` may be mutated: copy it. @internal
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

/** A Map of `items` by their `id`; the last one wins for a repeated id. @internal */
export const byId = <V extends { readonly id: string }>(items: readonly V[] = []): ReadonlyMap<string, V> =>
  new Map(items.map((item) => [item.id, item]));

/** Returns a copy of `m` with `key` set to `value`. @internal */
export const withEntry = <V>(m: ReadonlyMap<string, V>, key: string, value: V): ReadonlyMap<string, V> =>
  new Map(m).set(key, value);

/**
 * `m` after a state read: the listed entries put in place (`value` turns a listed resource into its Map value), the
 * removed ids gone; `m` itself when the read changes nothing (then nothing is emitted). @internal
 */
export const resynced = <R extends { readonly id: string }, V>(
  m: ReadonlyMap<string, V>,
  r: Resync<R, unknown>,
  value: (resource: R) => V,
): ReadonlyMap<string, V> => {
  if (r.resources.length === 0 && !r.removed.some((id) => m.has(id))) return m;
  const next = new Map(m);
  for (const resource of r.resources) next.set(resource.id, value(resource));
  for (const id of r.removed) next.delete(id);
  return next;
};
