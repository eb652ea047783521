import * as t from 'io-ts';
import { TrimmedString, keepOwnKeys, message } from './common';

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
    [t.type({ id: t.string }), t.partial({ name: t.string, type: TrimmedString, state: TrimmedString })],
    'Service',
  ),
);
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
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceStateChangeMessage extends t.TypeOf<typeof ServiceStateChangeMessage> {}

/** Every notification on `/notifications/services`. */
export type ServicesNotification = ServiceStateChangeMessage;
