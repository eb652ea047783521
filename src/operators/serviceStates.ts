import type { OperatorFunction } from 'rxjs';
import { mediaKinds } from '../protocol/media';
import type { Service, ServicesNotification } from '../protocol/services';
import type { ResyncOf } from '../protocol/resync';
import { byId, keyedState, resynced, withEntry } from './internal/keyedState';
import { checkOptions, initialResources } from './internal/options';
import type { KeyedStateOptions } from './deviceStates';

/**
 * Keeps the latest state of every GWS backend service (Voice, Chat, …: Active, Inactive, ReadOnly, Unknown) from
 * `/notifications/services`, as a `ReadonlyMap<serviceId, Service>`. Like `scan` into a Map with a seed: a new Map is
 * emitted only when a `ServiceStateChangeMessage` arrives, never for other message types; with a non-empty
 * `options.initial`, the seeded Map is emitted first, on subscribe (as conversation operators emit their seeded
 * conversations). An empty or absent `initial` emits nothing until the first change.
 *
 * A `Resync` of `syncedTopic` (a state read) puts the services it lists in place and drops those it removed, in one
 * emission (none when it changes nothing).
 *
 * Each Map is an immutable snapshot that may be kept; an update costs O(1) however many entries it holds, and
 * {@link mapChanges} tells what changed in each.
 *
 * ```text
 * source:                      --a--b--|     a = SIPS Active, b = SIPS Inactive
 * serviceStates():             --A--B--|     A = {sips: Active}, B = {sips: Inactive}
 *
 * source:                      ----b--|      b = SIPS Inactive
 * serviceStates({ initial }):  S---B--|      initial = [SIPS Active, Chat Active]
 *                                            S = {sips: Active, chat: Active}, B = {sips: Inactive, chat: Active}
 * ```
 *
 * @example
 * ```ts
 * import { serviceStates } from 'gws-rx';
 * // `snapshot` is the body of GET /api/v2/me?subresources=*, decoded with the `Service` codec.
 * client
 *   .topic('/notifications/services')
 *   .pipe(serviceStates({ initial: snapshot.user.services }))
 *   .subscribe((services) => {
 *     const down = [...services.values()].filter((s) => s.state !== 'Active');
 *     banner.hidden = down.length === 0;
 *   });
 * ```
 * @see {@link deviceStates}
 */
export function serviceStates(
  options?: KeyedStateOptions<Service>,
): OperatorFunction<ServicesNotification | ResyncOf<'/notifications/services'>, ReadonlyMap<string, Service>> {
  checkOptions('serviceStates', options, { initial: initialResources });
  // Read here, not at module level: an app that never calls serviceStates then bundles none of it.
  const { stateMessage, resourceKey } = mediaKinds.service;
  return keyedState<ServicesNotification | ResyncOf<'/notifications/services'>, Service>((current, n) => {
    if (n.messageType === 'Resync') return resynced(current, n, (s) => s);
    if (n.messageType !== stateMessage) return current;
    const service = (n as unknown as Readonly<Record<string, Service | undefined>>)[resourceKey];
    return service === undefined ? current : withEntry(current, service.id, service);
  }, byId(options?.initial));
}
