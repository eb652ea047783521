import type * as t from 'io-ts';
import type { MessageLogUpdated } from './chats';
import { message, resource } from './common';

/**
 * A Facebook private-message session resource; `id` is required.
 * @example
 * ```ts
 * import { Facebooksession } from 'gws-rx';
 * Facebooksession.decode({ id: 'fs1', state: 'Chatting' }); // Right
 * ```
 */
export const Facebooksession = resource('Facebooksession', {});
/**
 * A decoded `Facebooksession`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Facebooksession } from 'gws-rx';
 * const describe = (x: Facebooksession) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Facebooksession extends t.TypeOf<typeof Facebooksession> {}
/**
 * `FacebooksessionStateChangeMessage` on `/v2/me/facebooksession`.
 * @example
 * ```ts
 * import { FacebooksessionStateChangeMessage } from 'gws-rx';
 * FacebooksessionStateChangeMessage.decode({ messageType: 'FacebooksessionStateChangeMessage', facebooksession: { id: 'fs1' } }); // Right
 * ```
 */
export const FacebooksessionStateChangeMessage = message(
  'FacebooksessionStateChangeMessage',
  { facebooksession: Facebooksession },
  {},
);
/**
 * A decoded `FacebooksessionStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { FacebooksessionStateChangeMessage } from 'gws-rx';
 * const describe = (x: FacebooksessionStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebooksessionStateChangeMessage extends t.TypeOf<typeof FacebooksessionStateChangeMessage> {}

/** Every notification on `/v2/me/facebooksession` (its transcript uses the chats' `MessageLogUpdated`). */
export type FacebooksessionNotification = FacebooksessionStateChangeMessage | MessageLogUpdated;
