import * as t from 'io-ts';
import { keepOwnKeys, message, trimmedEnum } from './common';

/**
 * The state of a GWS backend service; unknown values are kept.
 * @example
 * ```ts
 * import { ServiceState } from 'gws-rx';
 * ServiceState.decode('Inactive'); // Right('Inactive'); a value not listed decodes too
 * ```
 */
export const ServiceState = trimmedEnum<'ReadOnly' | 'Inactive' | 'Active' | 'Unknown'>('ServiceState');
export type ServiceState = t.TypeOf<typeof ServiceState>;

/**
 * The kind of a GWS backend service; unknown values are kept.
 * @example
 * ```ts
 * import { ServiceType } from 'gws-rx';
 * ServiceType.decode('Voice'); // Right('Voice'); a value not listed decodes too
 * ```
 */
export const ServiceType = trimmedEnum<
  'Voice' | 'Provisioning' | 'Reporting' | 'MultiMediaState' | 'MultiMediaContent' | 'Chat' | 'Unknown'
>('ServiceType');
export type ServiceType = t.TypeOf<typeof ServiceType>;

/**
 * A GWS backend service: `type` Voice, Provisioning, Reporting, MultiMediaState, MultiMediaContent, Chat, Unknown; `state` ReadOnly, Inactive, Active, Unknown.
 * @example
 * ```ts
 * import { Service } from 'gws-rx';
 * Service.decode({ id: 's1', name: 'SIPS', type: 'Voice', state: 'Inactive' }); // Right
 * ```
 */
export const Service = keepOwnKeys(
  t.intersection(
    [t.type({ id: t.string }), t.partial({ name: t.string, type: ServiceType, state: ServiceState })],
    'Service',
  ),
);
/**
 * A decoded `Service`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Service } from 'gws-rx';
 * const describe = (x: Service) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Service extends t.TypeOf<typeof Service> {}

/**
 * `ServiceStateChangeMessage` on `/notifications/services`.
 * @example
 * ```ts
 * import { ServiceStateChangeMessage } from 'gws-rx';
 * ServiceStateChangeMessage.decode({ messageType: 'ServiceStateChangeMessage', service: { id: 's1', state: 'Active' } }); // Right
 * ```
 */
export const ServiceStateChangeMessage = message('ServiceStateChangeMessage', { service: Service }, {});
/**
 * A decoded `ServiceStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { ServiceStateChangeMessage } from 'gws-rx';
 * const describe = (x: ServiceStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceStateChangeMessage extends t.TypeOf<typeof ServiceStateChangeMessage> {}

/** Every notification on `/notifications/services`. */
export type ServicesNotification = ServiceStateChangeMessage;
