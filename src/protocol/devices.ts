import * as t from 'io-ts';
import type { ErrorMessage } from './common';
import { TrimmedString, keepOwnKeys, message, trimmedEnum } from './common';

/**
 * The agent's state on a device; unknown values are kept.
 * @example
 * ```ts
 * import { AgentState } from 'gws-rx';
 * AgentState.decode(' NotReady'); // Right('NotReady'); a value not listed decodes too
 * ```
 */
export const AgentState = trimmedEnum<'Ready' | 'NotReady' | 'LoggedIn' | 'LoggedOut'>('AgentState');
export type AgentState = t.TypeOf<typeof AgentState>;

/**
 * The agent's state on a device: Ready, NotReady, LoggedIn, LoggedOut, … with an optional work mode and reason.
 * @example
 * ```ts
 * import { UserState } from 'gws-rx';
 * UserState.decode({ state: ' NotReady', workMode: 'AfterCallWork' }); // Right, state 'NotReady'
 * ```
 */
export const UserState = keepOwnKeys(
  t.intersection(
    [
      t.type({ state: AgentState }),
      t.partial({
        id: t.string,
        displayName: t.string,
        workMode: TrimmedString,
        reason: t.unknown,
        reasonCode: t.union([t.string, t.number]),
      }),
    ],
    'UserState',
  ),
);
/**
 * A decoded `UserState`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { UserState } from 'gws-rx';
 * const describe = (x: UserState) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserState extends t.TypeOf<typeof UserState> {}

/**
 * A device resource (a DN and the agent's state on it); `id` is required.
 * @example
 * ```ts
 * import { Device } from 'gws-rx';
 * Device.decode({ id: 'd1', deviceState: 'Active', userState: { state: 'Ready' } }); // Right
 * ```
 */
export const Device = keepOwnKeys(
  t.intersection(
    [
      t.type({ id: t.string }),
      t.partial({
        deviceState: TrimmedString,
        userState: UserState,
        phoneNumber: t.string,
        e164Number: t.string,
        telephonyNetwork: TrimmedString,
        doNotDisturb: TrimmedString,
        forwardTo: t.string,
        voiceEnvironmentUri: t.string,
        capabilities: t.array(t.string),
        supervisorMonitoringState: t.UnknownRecord,
      }),
    ],
    'Device',
  ),
);
/**
 * A decoded `Device`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Device } from 'gws-rx';
 * const describe = (x: Device) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Device extends t.TypeOf<typeof Device> {}

/**
 * `DeviceStateChangeMessage` on `/v2/me/devices`: the new state of one or more devices.
 * @example
 * ```ts
 * import { DeviceStateChangeMessage } from 'gws-rx';
 * DeviceStateChangeMessage.decode({ messageType: 'DeviceStateChangeMessage', devices: [{ id: 'd1' }] }); // Right
 * ```
 */
export const DeviceStateChangeMessage = message('DeviceStateChangeMessage', { devices: t.array(Device) }, {});
/**
 * A decoded `DeviceStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { DeviceStateChangeMessage } from 'gws-rx';
 * const describe = (x: DeviceStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeviceStateChangeMessage extends t.TypeOf<typeof DeviceStateChangeMessage> {}

/** Every notification on `/v2/me/devices`. */
export type DevicesNotification = DeviceStateChangeMessage | ErrorMessage;
