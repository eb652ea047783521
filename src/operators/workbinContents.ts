import type { OperatorFunction } from 'rxjs';
import { mediaKinds } from '../protocol/media';
import type { WorkbinItem, WorkbinsNotification } from '../protocol/workbins';
import type { ResyncOf } from '../protocol/resync';
import { byId, keyedState, resynced, withEntry, withoutEntry } from './internal/keyedState';
import { checkOptions } from './internal/options';

/**
 * One workbin to start {@link workbinContents} from: its id and the interactions in it.
 *
 * @example
 * ```ts
 * import type { WorkbinSeed } from 'gws-rx';
 * const seed: WorkbinSeed = { id: 'workbin-personal', items: [{ id: 'email-7', state: 'InWorkbin' }] };
 * ```
 */
export interface WorkbinSeed {
  /** The workbin id (the `id` of its `WorkbinStateChangeMessage`s). */
  readonly id: string;
  /** The interactions in it. */
  readonly items: readonly WorkbinItem[];
}

/**
 * Options of {@link workbinContents}.
 *
 * @example
 * ```ts
 * import { workbinContents } from 'gws-rx';
 * client.topic('/v2/me/workbins').pipe(workbinContents({ initial: [{ id: 'wb1', items: [] }] }));
 * ```
 */
export interface WorkbinContentsOptions {
  /**
   * Workbin contents to start from. When it holds any workbin, the seeded Map is emitted on subscribe (an empty
   * workbin counts); later notifications win over seeded items. A workbin id given twice keeps its last list.
   */
  readonly initial?: readonly WorkbinSeed[];
}

const seeds = (v: unknown): string | undefined =>
  Array.isArray(v) &&
  v.every(
    (b) =>
      typeof b === 'object' &&
      b !== null &&
      typeof (b as { id?: unknown }).id === 'string' &&
      Array.isArray((b as { items?: unknown }).items),
  )
    ? undefined
    : 'must be an array of { id, items: [...] }';

/**
 * Keeps the contents of every workbin from `/v2/me/workbins` `WorkbinStateChangeMessage`s, as
 * `ReadonlyMap<workbinId, ReadonlyMap<itemId, item>>`: `ItemAdded` and `ItemUpdated` put the item (the resource under
 * `item`, where the decoder moves it from its `*StateResourceV2` key), `ItemRemoved` takes it out; other actions and message types change nothing
 * (and emit nothing). Like `scan` into nested Maps with a seed: with a non-empty `options.initial`, the seeded Map is
 * emitted first, on subscribe (as conversation operators emit their seeded conversations); an empty or absent
 * `initial` emits nothing until the first change.
 *
 * A `Resync` of `syncedTopic` (a state read, which lists `{ id, items }` per workbin) replaces the items of each
 * workbin it lists and drops the workbins it removed, in one emission (none when it changes nothing).
 *
 * Each Map is an immutable snapshot that may be kept; an update costs O(1) however many entries it holds, and
 * {@link mapChanges} tells what changed in each.
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
export function workbinContents(
  options?: WorkbinContentsOptions,
): OperatorFunction<
  WorkbinsNotification | ResyncOf<'/v2/me/workbins'>,
  ReadonlyMap<string, ReadonlyMap<string, WorkbinItem>>
> {
  checkOptions('workbinContents', options, { initial: seeds });
  // Read here, not at module level: an app that never calls workbinContents then bundles none of it.
  const { stateMessage, resourceKey } = mediaKinds.workbin;
  const seeded = new Map<string, ReadonlyMap<string, WorkbinItem>>();
  for (const bin of options?.initial ?? []) seeded.set(bin.id, byId(bin.items));
  return keyedState<WorkbinsNotification | ResyncOf<'/v2/me/workbins'>, ReadonlyMap<string, WorkbinItem>>(
    (current, n) => {
      if (n.messageType === 'Resync') return resynced(current, n, (bin) => byId(bin.items));
      if (n.messageType !== stateMessage) return current;
      const data = n as unknown as Readonly<Record<string, unknown>>;
      const workbin = data.id;
      const action = typeof data.action === 'string' ? data.action.trim() : '';
      const item = data[resourceKey] as WorkbinItem | undefined;
      if (typeof workbin !== 'string' || item === undefined) return current;
      const items = current.get(workbin) ?? new Map<string, WorkbinItem>();
      if (action === 'ItemRemoved') {
        const next = withoutEntry(items, item.id);
        return next === items ? current : withEntry(current, workbin, next);
      }
      if (action === 'ItemAdded' || action === 'ItemUpdated')
        return withEntry(current, workbin, withEntry(items, item.id, item));
      return current;
    },
    seeded,
  );
}
