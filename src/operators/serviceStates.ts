import type { OperatorFunction } from 'rxjs';
import { byId, keyedState, withEntry } from './internal/keyedState';

/** `ServiceStateChangeMessage`, structurally. */
export interface ServiceStateChangeLike {
  readonly messageType: 'ServiceStateChangeMessage';
  readonly service: { readonly id: string };
}

/** The service type carried by the `ServiceStateChangeMessage`s of `N`. */
export type ServiceOf<N> =
  Extract<N, { readonly messageType: 'ServiceStateChangeMessage' }> extends { readonly service: infer S } ? S : never;

/** Options of {@link serviceStates}. */
export interface ServiceStatesOptions<S> {
  /**
   * Services to start from, e.g. the `services` of `GET /api/v2/me?subresources=*`. When it holds any, the seeded Map
   * is emitted on subscribe; later notifications win over seeded entries. The last one wins for a repeated id.
   */
  readonly initial?: readonly S[];
}

/**
 * Keeps the latest state of every GWS backend service (Voice, Chat, …: Active, Inactive, ReadOnly, Unknown) from
 * `/notifications/services`, as a `ReadonlyMap<serviceId, Service>`. Like `scan` into a Map with a seed: a new Map is
 * emitted only when a `ServiceStateChangeMessage` arrives, never for other message types; with a non-empty
 * `options.initial`, the seeded Map is emitted first, on subscribe (as conversation operators emit their seeded
 * conversations). An empty or absent `initial` emits nothing until the first change.
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
export function serviceStates<N extends ServiceStateChangeLike | { readonly messageType: string }>(
  options: ServiceStatesOptions<ServiceOf<N>> = {},
): OperatorFunction<N, ReadonlyMap<string, ServiceOf<N>>> {
  type S = ServiceOf<N>;
  return keyedState<N, S>(
    (current, n) => {
      if (n.messageType !== 'ServiceStateChangeMessage') return current;
      const service = (n as unknown as ServiceStateChangeLike).service;
      return withEntry(current, service.id, service as S);
    },
    byId(options.initial as readonly (S & { readonly id: string })[] | undefined),
  );
}
