import type * as t from 'io-ts';
import { TrimmedString, message, resource } from './common';

/** An OpenMedia interaction resource; `id` is required. */
export const Openmedia = resource('Openmedia', { openmediaType: TrimmedString, mediaType: TrimmedString });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Openmedia extends t.TypeOf<typeof Openmedia> {}
/** `OpenmediaStateChangeMessage` on `/v2/me/openmedia`. */
export const OpenmediaStateChangeMessage = message('OpenmediaStateChangeMessage', { openmedia: Openmedia }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpenmediaStateChangeMessage extends t.TypeOf<typeof OpenmediaStateChangeMessage> {}
/** Every notification on `/v2/me/openmedia`. */
export type OpenmediaNotification = OpenmediaStateChangeMessage;
