import type { OperatorFunction } from 'rxjs';
import { mediaKinds } from '../protocol/media';
import type { Device, DevicesNotification } from '../protocol/devices';
import type { ResyncOf } from '../protocol/resync';
import { byId, keyedState, resynced, withEntry } from './internal/keyedState';
import { checkOptions, initialResources } from './internal/options';

/**
 * Options of the Map operators ({@link deviceStates}, {@link serviceStates}): resources to start from.
 *
 * @example
 * ```ts
 * import { deviceStates } from 'gws-rx';
 * import type { Device, KeyedStateOptions } from 'gws-rx';
 * const options: KeyedStateOptions<Device> = { initial: snapshotDevices };
 * client.topic('/v2/me/devices').pipe(deviceStates(options));
 * ```
 */
export interface KeyedStateOptions<R> {
  /**
   * Resources to start from, e.g. a list of `GET /api/v2/me?subresources=*`. When it holds any, the seeded Map is
   * emitted on subscribe; later notifications win. The last one wins for a repeated id.
   */
  readonly initial?: readonly R[];
}

/**
 * Keeps the latest state of every device (and so of its agent: `userState.state`, `workMode`, `reason`) from
 * `/v2/me/devices`, as one `ReadonlyMap<deviceId, Device>`. Like `scan` into a Map; emits a new Map only when a
 * `DeviceStateChangeMessage` arrives, never for other message types (e.g. `ErrorMessage`).
 *
 * A `Resync` of `syncedTopic` (a state read) puts the devices it lists in place and drops those it removed, in one
 * emission (none when it changes nothing).
 *
 * Each Map is an immutable snapshot that may be kept; an update costs O(1) however many entries it holds, and
 * {@link mapChanges} tells what changed in each.
 *
 * ```text
 * source: --a--e--b--|     a, b = DeviceStateChangeMessage, e = ErrorMessage
 * output: --A-----B--|     A = {d1: a.devices[0]}, B = {d1: …, d2: b.devices[0]}
 * ```
 *
 * With `initial`, the seeded Map is emitted on subscribe:
 *
 * ```text
 * source: ----b--|
 * output: S---B--|     S = the seed, B = the seed with b's devices
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/devices').pipe(deviceStates()).subscribe((devices) => {
 *   for (const d of devices.values()) console.log(d.id, d.userState?.state);
 * });
 * // seeded from a snapshot: deviceStates({ initial: snapshot.devices })
 * ```
 * @see {@link serviceStates}
 */
export function deviceStates(
  options?: KeyedStateOptions<Device>,
): OperatorFunction<DevicesNotification | ResyncOf<'/v2/me/devices'>, ReadonlyMap<string, Device>> {
  checkOptions('deviceStates', options, { initial: initialResources });
  // Read here, not at module level: an app that never calls deviceStates then bundles none of it.
  const { stateMessage, resourceKey } = mediaKinds.device;
  return keyedState<DevicesNotification | ResyncOf<'/v2/me/devices'>, Device>((current, n) => {
    if (n.messageType === 'Resync') return resynced(current, n, (d) => d);
    if (n.messageType !== stateMessage) return current;
    const devices = (n as unknown as Readonly<Record<string, readonly Device[]>>)[resourceKey] ?? [];
    if (devices.length === 0) return current;
    let next = current;
    for (const d of devices) next = withEntry(next, d.id, d);
    return next;
  }, byId(options?.initial));
}
