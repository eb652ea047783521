import type * as t from 'io-ts';
import { TrimmedString, message, resource } from './common';

/**
 * A Facebook post interaction resource; `id` is required.
 * @example
 * ```ts
 * import { Facebook } from 'gws-rx';
 * Facebook.decode({ id: 'f1', facebookType: 'Comment' }); // Right
 * ```
 */
export const Facebook = resource('Facebook', { facebookType: TrimmedString });
/**
 * A decoded `Facebook`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Facebook } from 'gws-rx';
 * const describe = (x: Facebook) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Facebook extends t.TypeOf<typeof Facebook> {}
/**
 * `FacebookStateChangeMessage` on `/v2/me/facebook`.
 * @example
 * ```ts
 * import { FacebookStateChangeMessage } from 'gws-rx';
 * FacebookStateChangeMessage.decode({ messageType: 'FacebookStateChangeMessage', facebook: { id: 'f1' } }); // Right
 * ```
 */
export const FacebookStateChangeMessage = message('FacebookStateChangeMessage', { facebook: Facebook }, {});
/**
 * A decoded `FacebookStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { FacebookStateChangeMessage } from 'gws-rx';
 * const describe = (x: FacebookStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebookStateChangeMessage extends t.TypeOf<typeof FacebookStateChangeMessage> {}
/** Every notification on `/v2/me/facebook`. */
export type FacebookNotification = FacebookStateChangeMessage;
