import type * as t from 'io-ts';
import type { MessageLogUpdated } from './chats';
import { message, resource } from './common';

/** A Facebook private-message session resource; `id` is required. */
export const Facebooksession = resource('Facebooksession', {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Facebooksession extends t.TypeOf<typeof Facebooksession> {}
/** `FacebooksessionStateChangeMessage` on `/v2/me/facebooksession`. */
export const FacebooksessionStateChangeMessage = message(
  'FacebooksessionStateChangeMessage',
  { facebooksession: Facebooksession },
  {},
);
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebooksessionStateChangeMessage extends t.TypeOf<typeof FacebooksessionStateChangeMessage> {}

/** Every notification on `/v2/me/facebooksession` (its transcript uses the chats' {@link MessageLogUpdated}). */
export type FacebooksessionNotification = FacebooksessionStateChangeMessage | MessageLogUpdated;
