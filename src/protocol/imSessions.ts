import * as t from 'io-ts';
import { message, resource } from './common';

/**
 * An IM session resource between agents; `id` is required; participants are phone-number style.
 * @example
 * ```ts
 * import { ImSession } from 'gws-rx';
 * ImSession.decode({ id: 'im1', state: ' Talking' }); // Right, state 'Talking'
 * ```
 */
export const ImSession = resource('ImSession', {});
/**
 * A decoded `ImSession`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { ImSession } from 'gws-rx';
 * const describe = (x: ImSession) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImSession extends t.TypeOf<typeof ImSession> {}

/**
 * `IMSessionStateChangeMessage` on `/v2/me/im-sessions` (StatusChange, AttachedDataChanged).
 * @example
 * ```ts
 * import { IMSessionStateChangeMessage } from 'gws-rx';
 * IMSessionStateChangeMessage.decode({ messageType: 'IMSessionStateChangeMessage', imSession: { id: 'im1' } }); // Right
 * ```
 */
export const IMSessionStateChangeMessage = message('IMSessionStateChangeMessage', { imSession: ImSession }, {});
/**
 * A decoded `IMSessionStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { IMSessionStateChangeMessage } from 'gws-rx';
 * const describe = (x: IMSessionStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IMSessionStateChangeMessage extends t.TypeOf<typeof IMSessionStateChangeMessage> {}

/**
 * `IMLogUpdateMessage` on `/v2/me/im-sessions`: one new message (a string) of the session at `imSessionPath`.
 * @example
 * ```ts
 * import { IMLogUpdateMessage } from 'gws-rx';
 * IMLogUpdateMessage.decode({ messageType: 'IMLogUpdateMessage', imSessionPath: '/im-sessions/1', message: 'Hi' }); // Right
 * ```
 */
export const IMLogUpdateMessage = message('IMLogUpdateMessage', { imSessionPath: t.string, message: t.string }, {});
/**
 * A decoded `IMLogUpdateMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { IMLogUpdateMessage } from 'gws-rx';
 * const describe = (x: IMLogUpdateMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IMLogUpdateMessage extends t.TypeOf<typeof IMLogUpdateMessage> {}

/** Every notification on `/v2/me/im-sessions`. */
export type ImSessionsNotification = IMSessionStateChangeMessage | IMLogUpdateMessage;
