import type { OperatorFunction } from 'rxjs';
import { byId, keyedState, withEntry } from './internal/keyedState';

/** An item in a workbin: an interaction resource with an id. */
export interface WorkbinItemLike {
  readonly id: string;
}

const itemOf = (n: Readonly<Record<string, unknown>>): WorkbinItemLike | undefined => {
  const direct = n.item;
  if (typeof direct === 'object' && direct !== null && typeof (direct as { id?: unknown }).id === 'string')
    return direct as WorkbinItemLike;
  for (const [k, v] of Object.entries(n)) {
    if (
      k.endsWith('StateResourceV2') &&
      typeof v === 'object' &&
      v !== null &&
      typeof (v as { id?: unknown }).id === 'string'
    ) {
      return v as WorkbinItemLike;
    }
  }
  return undefined;
};

/** One workbin and the items it holds, as a seed for {@link workbinContents}. */
export interface WorkbinSeed {
  /** The workbin id (the `id` of its `WorkbinStateChangeMessage`s). */
  readonly id: string;
  /** The interactions in it (each with an `id`). */
  readonly items: readonly WorkbinItemLike[];
}

/** Options of {@link workbinContents}. */
export interface WorkbinContentsOptions {
  /**
   * Workbin contents to start from, e.g. read from GWS after (re)subscribing. When it holds any workbin, the seeded
   * Map is emitted on subscribe (an empty workbin counts); later notifications win over seeded items. A workbin id
   * given twice keeps its last list.
   */
  readonly initial?: readonly WorkbinSeed[];
}

/**
 * Keeps the contents of every workbin from `/v2/me/workbins` `WorkbinStateChangeMessage`s, as
 * `ReadonlyMap<workbinId, ReadonlyMap<itemId, item>>`: `ItemAdded` and `ItemUpdated` put the item (the resource under
 * `item` or any `*StateResourceV2` key), `ItemRemoved` takes it out; other actions and message types change nothing
 * (and emit nothing). Like `scan` into nested Maps with a seed: with a non-empty `options.initial`, the seeded Map is
 * emitted first, on subscribe (as conversation operators emit their seeded conversations); an empty or absent
 * `initial` emits nothing until the first change.
 *
 * ```text
 * source:                        --a--b--r--|     a, b = ItemAdded (wb1: e1, e2), r = ItemRemoved (wb1: e1)
 * workbinContents():             --A--B--R--|     A = {wb1: {e1}}, B = {wb1: {e1, e2}}, R = {wb1: {e2}}
 *
 * source:                        ----r--|         r = ItemRemoved (wb1: e1)
 * workbinContents({ initial }):  S---R--|         initial = [{ id: wb1, items: [e1, e2] }]
 *                                                 S = {wb1: {e1, e2}}, R = {wb1: {e2}}
 * ```
 *
 * @example
 * ```ts
 * import { workbinContents } from 'gws-rx';
 * const initial = [{ id: 'workbin-personal', items: [{ id: 'email-7', state: 'InWorkbin' }] }];
 * client
 *   .topic('/v2/me/workbins')
 *   .pipe(workbinContents({ initial }))
 *   .subscribe((bins) => console.log([...bins].map(([id, items]) => `${id}: ${items.size}`).join(', ')));
 * ```
 * @see {@link deviceStates}
 */
export function workbinContents<N extends { readonly messageType: string }>(
  options: WorkbinContentsOptions = {},
): OperatorFunction<N, ReadonlyMap<string, ReadonlyMap<string, WorkbinItemLike>>> {
  const seeded = new Map<string, ReadonlyMap<string, WorkbinItemLike>>();
  for (const bin of options.initial ?? []) seeded.set(bin.id, byId(bin.items));
  return keyedState<N, ReadonlyMap<string, WorkbinItemLike>>((current, n) => {
    if (n.messageType !== 'WorkbinStateChangeMessage') return current;
    const data = n as unknown as Readonly<Record<string, unknown>>;
    const workbin = data.id;
    const action = typeof data.action === 'string' ? data.action.trim() : '';
    const item = itemOf(data);
    if (typeof workbin !== 'string' || item === undefined) return current;
    const items = current.get(workbin) ?? new Map<string, WorkbinItemLike>();
    if (action === 'ItemRemoved') {
      if (!items.has(item.id)) return current;
      const next = new Map(items);
      next.delete(item.id);
      return withEntry(current, workbin, next);
    }
    if (action === 'ItemAdded' || action === 'ItemUpdated')
      return withEntry(current, workbin, withEntry(items, item.id, item));
    return current;
  }, seeded);
}
