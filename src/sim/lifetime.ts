// What must stop when a simulator closes (the timers of play(), …), kept beside the simulator rather than on its
// public type: play() registers here, the simulator's close() runs what was registered. Objects that never close
// (a test's `{ publish }` fake) simply never run their disposers, and the weak maps let them be collected.

const disposers = new WeakMap<object, Set<() => void>>();
const closed = new WeakSet<object>();

/**
 * Runs `dispose` when `owner` is closed with {@link closeOwner}, or at once if it already was. Returns a function
 * that cancels the registration (call it when the work stopped on its own).
 *
 * @example
 * ```ts
 * import { onClose } from './lifetime';
 *
 * const timer = setInterval(() => sim.publish('/v2/me/devices', device()), 1000);
 * const cancel = onClose(sim, () => clearInterval(timer)); // `await sim.close()` clears it
 * // stopping early: clearInterval(timer); cancel();
 * ```
 */
export function onClose(owner: object, dispose: () => void): () => void {
  if (closed.has(owner)) {
    dispose();
    return () => undefined;
  }
  let set = disposers.get(owner);
  if (set === undefined) {
    set = new Set();
    disposers.set(owner, set);
  }
  const entry = (): void => dispose();
  set.add(entry);
  return () => {
    disposers.get(owner)?.delete(entry);
  };
}

/**
 * Marks `owner` closed and runs every disposer registered on it with {@link onClose}, once each. All of them run even
 * if one throws; the first error is then rethrown.
 *
 * @example
 * ```ts
 * import { closeOwner } from './lifetime';
 *
 * const sim = { async close() { closeOwner(sim); await stopServers(); } };
 * ```
 */
export function closeOwner(owner: object): void {
  closed.add(owner);
  const set = disposers.get(owner);
  disposers.delete(owner);
  if (set === undefined) return;
  const errors: unknown[] = [];
  for (const dispose of set) {
    try {
      dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length > 0) throw errors[0];
}
