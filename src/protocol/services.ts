import * as t from 'io-ts';
import { TrimmedString, keepOwnKeys, message } from './common';

/** A GWS backend service: `type` Voice, Provisioning, Reporting, MultiMediaState, MultiMediaContent, Chat, Unknown; `state` ReadOnly, Inactive, Active, Unknown. */
export const Service = keepOwnKeys(
  t.intersection(
    [t.type({ id: t.string }), t.partial({ name: t.string, type: TrimmedString, state: TrimmedString })],
    'Service',
  ),
);
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Service extends t.TypeOf<typeof Service> {}

/** `ServiceStateChangeMessage` on `/notifications/services`. */
export const ServiceStateChangeMessage = message('ServiceStateChangeMessage', { service: Service }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceStateChangeMessage extends t.TypeOf<typeof ServiceStateChangeMessage> {}

/** Every notification on `/notifications/services`. */
export type ServicesNotification = ServiceStateChangeMessage;
