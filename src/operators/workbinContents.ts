import type { OperatorFunction } from 'rxjs';
import { keyedState, withEntry } from './internal/keyedState';

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

/**
 * Keeps the contents of every workbin from `/v2/me/workbins` `WorkbinStateChangeMessage`s, as
 * `ReadonlyMap<workbinId, ReadonlyMap<itemId, item>>`: `ItemAdded` and `ItemUpdated` put the item (the resource under
 * `item` or any `*StateResourceV2` key), `ItemRemoved` takes it out; other actions and message types change nothing.
 * Like `scan` into nested Maps.
 *
 * ```text
 * source: --a--b--r--|     a, b = ItemAdded (wb1: e1, e2), r = ItemRemoved (wb1: e1)
 * output: --A--B--R--|     A = {wb1: {e1}}, B = {wb1: {e1, e2}}, R = {wb1: {e2}}
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/workbins').pipe(workbinContents()).subscribe((bins) =>
 *   console.log([...bins].map(([id, items]) => `${id}: ${items.size}`).join(', ')),
 * );
 * ```
 * @see {@link deviceStates}
 */
export function workbinContents<N extends { readonly messageType: string }>(): OperatorFunction<
  N,
  ReadonlyMap<string, ReadonlyMap<string, WorkbinItemLike>>
> {
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
  });
}
