import * as t from 'io-ts';
import type { ErrorMessage } from './common';
import {
  BooleanFromStringOrBoolean,
  NumberFromStringOrNumber,
  TrimmedString,
  message,
  resource,
  trimmedEnum,
} from './common';

/**
 * The state of a call; unknown values are kept.
 * @example
 * ```ts
 * import { CallState } from 'gws-rx';
 * CallState.decode('Held'); // Right('Held'); a value not listed decodes too
 * ```
 */
export const CallState = trimmedEnum<'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released' | 'Unknown'>(
  'CallState',
);
export type CallState = t.TypeOf<typeof CallState>;

/**
 * A call resource; `id` is required. `duration` (seconds) arrives as a string and is decoded to a number.
 * @example
 * ```ts
 * import { Call } from 'gws-rx';
 * Call.decode({ id: 'c1', state: 'Held', duration: '30' }); // Right, duration 30
 * ```
 */
export const Call = resource('Call', {
  state: CallState,
  callUuid: t.string,
  connId: t.string,
  deviceUri: t.string,
  ani: t.string,
  dnis: t.string,
  callType: TrimmedString,
  duration: NumberFromStringOrNumber,
  mute: TrimmedString,
  recordingState: TrimmedString,
  supervisorListeningIn: BooleanFromStringOrBoolean,
  monitoredUserMuted: BooleanFromStringOrBoolean,
  monitoring: BooleanFromStringOrBoolean,
  parentCallUri: t.string,
  parentCallPath: t.string,
  case: t.array(t.unknown),
});
/**
 * A decoded `Call`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Call } from 'gws-rx';
 * const describe = (x: Call) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Call extends t.TypeOf<typeof Call> {}

/**
 * `CallStateChangeMessage` on `/v2/me/calls` (StatusChange, AttachedDataChanged, ParticipantsUpdated, …).
 * @example
 * ```ts
 * import { CallStateChangeMessage } from 'gws-rx';
 * CallStateChangeMessage.decode({ messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', call: { id: 'c1' } }); // Right
 * ```
 */
export const CallStateChangeMessage = message('CallStateChangeMessage', { call: Call }, {});
/**
 * A decoded `CallStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { CallStateChangeMessage } from 'gws-rx';
 * const describe = (x: CallStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CallStateChangeMessage extends t.TypeOf<typeof CallStateChangeMessage> {}

/** Every notification on `/v2/me/calls`. */
export type CallsNotification = CallStateChangeMessage | ErrorMessage;
