import type { OperatorFunction } from 'rxjs';
import { byId, keyedState } from './internal/keyedState';

/** `DeviceStateChangeMessage`, structurally. */
export interface DeviceStateChangeLike<D extends { readonly id: string }> {
  readonly messageType: 'DeviceStateChangeMessage';
  readonly devices: readonly D[];
}

/** The device type carried by the `DeviceStateChangeMessage`s of `N`. */
export type DeviceOf<N> =
  Extract<N, { readonly messageType: 'DeviceStateChangeMessage' }> extends { readonly devices: readonly (infer D)[] }
    ? D
    : never;

/** Options of {@link deviceStates}, like those of `serviceStates` and `workbinContents`. */
export interface DeviceStatesOptions<D> {
  /**
   * Devices to start from, e.g. the `devices` of `GET /api/v2/me?subresources=*`: emitted on subscribe when there
   * are any; later notifications win. (Passing the array itself, `deviceStates(devices)`, does the same.)
   */
  readonly initial?: readonly D[];
}

/**
 * Keeps the latest state of every device (and so of its agent: `userState.state`, `workMode`, `reason`) from
 * `/v2/me/devices`, as one `ReadonlyMap<deviceId, Device>`. Like `scan` into a Map; emits a new Map only when a
 * `DeviceStateChangeMessage` arrives, never for other message types (e.g. `ErrorMessage`).
 *
 * ```text
 * source: --a--e--b--|     a, b = DeviceStateChangeMessage, e = ErrorMessage
 * output: --A-----B--|     A = {d1: a.devices[0]}, B = {d1: …, d2: b.devices[0]}
 * ```
 *
 * With `initial` (or the array itself as the argument), the seeded Map is emitted on subscribe:
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
export function deviceStates<
  N extends DeviceStateChangeLike<{ readonly id: string }> | { readonly messageType: string },
>(
  initialOrOptions?: readonly DeviceOf<N>[] | DeviceStatesOptions<DeviceOf<N>>,
): OperatorFunction<N, ReadonlyMap<string, DeviceOf<N>>> {
  type D = DeviceOf<N>;
  const initial = Array.isArray(initialOrOptions)
    ? (initialOrOptions as readonly D[])
    : (initialOrOptions as DeviceStatesOptions<D> | undefined)?.initial;
  return keyedState<N, D>(
    (current, n) => {
      if (n.messageType !== 'DeviceStateChangeMessage') return current;
      const devices = (n as unknown as DeviceStateChangeLike<D & { readonly id: string }>).devices;
      if (devices.length === 0) return current;
      const next = new Map(current);
      for (const d of devices) next.set(d.id, d);
      return next;
    },
    byId(initial as readonly (D & { readonly id: string })[] | undefined),
  );
}
