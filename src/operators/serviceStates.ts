import type { OperatorFunction } from 'rxjs';
import { keyedState, withEntry } from './internal/keyedState';

/** `ServiceStateChangeMessage`, structurally. */
export interface ServiceStateChangeLike {
  readonly messageType: 'ServiceStateChangeMessage';
  readonly service: { readonly id: string };
}

/** The service type carried by the `ServiceStateChangeMessage`s of `N`. */
export type ServiceOf<N> =
  Extract<N, { readonly messageType: 'ServiceStateChangeMessage' }> extends { readonly service: infer S } ? S : never;

/**
 * Keeps the latest state of every GWS backend service (Voice, Chat, …: Active, Inactive, ReadOnly, Unknown) from
 * `/notifications/services`, as a `ReadonlyMap<serviceId, Service>`. Like `scan` into a Map.
 *
 * ```text
 * source: --a--b--|     a = SIPS Active, b = SIPS Inactive
 * output: --A--B--|     A = {sips: Active}, B = {sips: Inactive}
 * ```
 *
 * @example
 * ```ts
 * client.topic('/notifications/services').pipe(serviceStates()).subscribe((services) => {
 *   const down = [...services.values()].filter((s) => s.state !== 'Active');
 *   banner.hidden = down.length === 0;
 * });
 * ```
 * @see {@link deviceStates}
 */
export function serviceStates<N extends ServiceStateChangeLike | { readonly messageType: string }>(): OperatorFunction<
  N,
  ReadonlyMap<string, ServiceOf<N>>
> {
  type S = ServiceOf<N>;
  return keyedState<N, S>((current, n) => {
    if (n.messageType !== 'ServiceStateChangeMessage') return current;
    const service = (n as unknown as ServiceStateChangeLike).service;
    return withEntry(current, service.id, service as S);
  });
}
