import { scan } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { SnapshotMap, changedKeys } from './internal/snapshotMap';

/**
 * One emission of {@link mapChanges}: the Map, and what changed in it since the previous emission.
 *
 * @example
 * ```ts
 * import type { ChatConversationState, MapChanges } from 'gws-rx';
 * const patch = ({ added, updated, removed }: MapChanges<string, ChatConversationState>) => {
 *   for (const id of removed.keys()) rows.get(id)?.remove();
 *   for (const [id, chat] of [...added, ...updated]) drawRow(id, chat);
 * };
 * ```
 */
export interface MapChanges<K, V> {
  /** The Map as it is now: the value the source emitted. */
  readonly map: ReadonlyMap<K, V>;
  /** Entries whose key was not in the previous Map. */
  readonly added: ReadonlyMap<K, V>;
  /** Entries whose value changed (compared with `===`), with their new value. */
  readonly updated: ReadonlyMap<K, V>;
  /** Entries that left the Map, with the value they had. */
  readonly removed: ReadonlyMap<K, V>;
}

/** The changes from `before` to `map`. @internal */
export function changesOf<K, V>(before: ReadonlyMap<K, V>, map: ReadonlyMap<K, V>): MapChanges<K, V> {
  const added = new Map<K, V>();
  const updated = new Map<K, V>();
  const removed = new Map<K, V>();
  const keys =
    before instanceof SnapshotMap && map instanceof SnapshotMap
      ? (changedKeys(before, map) as ReadonlyMap<K, V | undefined> | undefined)
      : undefined;
  if (keys) {
    // Versions of one live Map: only the keys that changed between them are looked at.
    for (const [key, was] of keys) {
      const now = map.get(key);
      if (was === undefined) {
        if (now !== undefined) added.set(key, now);
      } else if (now === undefined) removed.set(key, was);
      else if (now !== was) updated.set(key, now);
    }
  } else if (before !== map) {
    for (const [key, now] of map) {
      if (!before.has(key)) added.set(key, now);
      else if (before.get(key) !== now) updated.set(key, now);
    }
    for (const [key, was] of before) if (!map.has(key)) removed.set(key, was);
  }
  return { map, added, updated, removed };
}

/**
 * Turns a stream of Maps (the live Maps of {@link liveConversations}, {@link deviceStates}, {@link serviceStates},
 * {@link workbinContents}, or any `ReadonlyMap`s) into what changed in each: the entries added, updated and removed
 * since the previous emission, next to the Map itself, so a view can patch rows instead of redrawing them all. The
 * first emission lists every entry as added. Like `pairwise()` + a diff, but from the start.
 *
 * Between two versions of one live Map it costs O(changes): only the keys that changed are looked at, however many
 * entries the Map holds. Between other Maps (plain `Map`s, or after an `auditTime` skipped many versions of a large
 * live Map) it compares both Maps, O(size).
 *
 * ```text
 * source: --A------B----------C--|     A = {a:1}  B = {a:2, b:1}  C = {b:1}
 * output: --X------Y----------Z--|     X = added {a:1}; Y = updated {a:2}, added {b:1}; Z = removed {a:2}
 * ```
 *
 * @example
 * ```ts
 * import { chatConversations, liveConversations, mapChanges } from 'gws-rx';
 * client
 *   .topic('/v2/me/chats')
 *   .pipe(chatConversations(), liveConversations(), mapChanges())
 *   .subscribe(({ added, updated, removed }) => {
 *     for (const id of removed.keys()) rows.get(id)?.remove();
 *     for (const [id, chat] of [...added, ...updated]) drawRow(id, chat);
 *   });
 * ```
 * @see {@link liveConversations}
 */
export function mapChanges<K, V>(): OperatorFunction<ReadonlyMap<K, V>, MapChanges<K, V>> {
  const empty = new Map<K, V>();
  return scan((previous: MapChanges<K, V>, map: ReadonlyMap<K, V>) => changesOf(previous.map, map), {
    map: empty,
    added: empty,
    updated: empty,
    removed: empty,
  });
}
