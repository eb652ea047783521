import * as t from 'io-ts';
import { message, resource } from './common';

/** An IM session resource between agents; `id` is required; participants are phone-number style. */
export const ImSession = resource('ImSession', {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImSession extends t.TypeOf<typeof ImSession> {}

/** `IMSessionStateChangeMessage` on `/v2/me/im-sessions` (StatusChange, AttachedDataChanged). */
export const IMSessionStateChangeMessage = message('IMSessionStateChangeMessage', { imSession: ImSession }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IMSessionStateChangeMessage extends t.TypeOf<typeof IMSessionStateChangeMessage> {}

/** `IMLogUpdateMessage` on `/v2/me/im-sessions`: one new message (a string) of the session at `imSessionPath`. */
export const IMLogUpdateMessage = message('IMLogUpdateMessage', { imSessionPath: t.string, message: t.string }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IMLogUpdateMessage extends t.TypeOf<typeof IMLogUpdateMessage> {}

/** Every notification on `/v2/me/im-sessions`. */
export type ImSessionsNotification = IMSessionStateChangeMessage | IMLogUpdateMessage;
